package org.gatehouse.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The full application on a random port, for tests over real HTTP (cookies, headers and
 * filters exactly as a browser or curl sees them). Same settings as
 * {@link GatehouseIntegrationTest}; every class using exactly this annotation shares one server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
		"spring.datasource.url=jdbc:h2:mem:gatehouse-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
		"gatehouse.mfa.required-roles=",
		"gatehouse.passwords.rounds.pbkdf2_sha512=1000",
		"spring.mail.host=127.0.0.1",
		// where gatehouse-server serves the OpenAPI description (its application.yml)
		"springdoc.api-docs.path=/api/openapi.json", "springdoc.paths-to-match=/api/**" })
public @interface GatehouseServerTest {
}
