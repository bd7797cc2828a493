package org.gatehouse.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Full application context on the embedded (H2, in-memory) database, with MockMvc.
 * Every test class using exactly this annotation shares one cached context; tests must
 * therefore create their own users (unique emails) and not rely on an empty database.
 * The SMTP port is the free one {@link TestMail} found, set by {@link TestApplication}.
 * MockMvc requests come from 127.0.0.1 unless a test sets another address, and this one context
 * serves every test class of the run: the per-address throttle limits are raised so that the
 * whole suite's sign-ups, mails and failed logins from 127.0.0.1 stay below them (per-account
 * and per-email limits keep their defaults; tests use unique addresses). {@link SharedSecurityFiltersGuard}
 * fails a test that changes the shared API filter chain's CSRF repository.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:gatehouse-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
		"gatehouse.passwords.rounds.pbkdf2_sha512=1000", "gatehouse.features.passwordless=true",
		// admins of the shared context sign in by password alone; the mfa tests set the default policy
		"gatehouse.mfa.required-roles=",
		"spring.mail.host=127.0.0.1",
		"gatehouse.throttle.ip-max-failures=200", "gatehouse.throttle.ip-max-distinct-logins=100",
		"gatehouse.throttle.rate-limits.register-ip.max=100", "gatehouse.throttle.rate-limits.confirm-ip.max=100",
		"gatehouse.throttle.rate-limits.reset-ip.max=100", "gatehouse.throttle.rate-limits.default.max=100" })
@AutoConfigureMockMvc
@ExtendWith(SharedSecurityFiltersGuard.class)
public @interface GatehouseIntegrationTest {
}
