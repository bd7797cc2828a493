package org.gatehouse.testapp;

import java.util.UUID;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * An application with nothing but the starter, as Spring Boot's ApplicationContextRunner builds it: every
 * auto-configuration, no web server, a fresh in-memory database. For tests of what switches on, off, or backs off.
 */
public final class StarterContextRunner {

	private StarterContextRunner() {
	}

	public static WebApplicationContextRunner withStarter() {
		return starter(new WebApplicationContextRunner());
	}

	/** The starter in an application without a web server, like gatehouse-server's command line. */
	public static ApplicationContextRunner withStarterOutsideAWebApplication() {
		return starter(new ApplicationContextRunner());
	}

	private static <R extends AbstractApplicationContextRunner<R, ?, ?>> R starter(R runner) {
		return runner.withUserConfiguration(Host.class)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:context-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
					"gatehouse.passwords.rounds.pbkdf2_sha512=1000", "spring.mail.host=127.0.0.1");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Host {
	}
}
