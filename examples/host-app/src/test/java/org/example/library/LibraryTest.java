package org.example.library;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The library as it runs, on a random port, with an in-memory database and a GreenMail SMTP server.
 * Every test class extends this one unchanged, so all of them share one Spring context; tests create
 * their own users (unique emails).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:library;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=library-test-secret-key-0123456789-abcdefghijklmnop",
		"spring.mail.host=127.0.0.1" })
abstract class LibraryTest {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", TestMail::port);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}
}
