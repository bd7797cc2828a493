package org.gatehouse.security.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** {@link HostSecurityApplication} with MockMvc; every class using exactly this annotation shares one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = HostSecurityApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:gatehouse-host;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
		"gatehouse.passwords.rounds.pbkdf2_sha512=1000", "spring.mail.host=127.0.0.1" })
@AutoConfigureMockMvc
public @interface HostApplicationTest {
}
