package org.gatehouse.server.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.gatehouse.server.GatehouseServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real server on a random port, driven by headless Chromium. Every browser test class uses
 * exactly this annotation so that all of them share one cached context (one server). Tests create
 * their own users (unique emails) and must not rely on an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = GatehouseServer.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=browser-test-secret-key-0123456789-abcdefghijklm",
		"gatehouse.mfa.required-roles=",
		"gatehouse.passwords.rounds.pbkdf2_sha512=1000",
		"spring.mail.host=127.0.0.1", "spring.mail.port=" + BrowserMail.SMTP_PORT,
		"gatehouse.features.oidc-provider=true" })
@ContextConfiguration(initializers = BrowserMail.Starter.class)
public @interface BrowserTest {
}
