package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;

/** Gatehouse's texts behind the host's own, without spring.messages.* being set for the host. */
class MessagesAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MessageSourceAutoConfiguration.class, MessagesAutoConfiguration.class));

	@Test
	void theHostsKeysWinAndGatehousesFillIn() {
		runner.withPropertyValues("spring.messages.basename=org/gatehouse/web/host-messages").run(context -> {
			MessageSource messages = context.getBean(MessageSource.class);
			assertThat(messages.getMessage("nav.login", null, Locale.ENGLISH)).isEqualTo("Sign in to Example");
			assertThat(messages.getMessage("host.greeting", null, Locale.ENGLISH)).isEqualTo("Welcome to Example");
			assertThat(messages.getMessage("nav.register", null, Locale.ENGLISH)).isEqualTo("Sign up");
			assertThat(context.getEnvironment().getProperty("spring.messages.basename"))
				.isEqualTo("org/gatehouse/web/host-messages");
		});
	}

	@Test
	void withoutMessagesOfItsOwnTheApplicationSpeaksGatehouses() {
		runner.run(context -> {
			MessageSource messages = context.getBean(MessageSource.class);
			assertThat(messages.getMessage("nav.login", null, Locale.ENGLISH)).isEqualTo("Log in");
			assertThat(messages.getMessage("nav.login", null, Locale.GERMAN)).isEqualTo("Anmelden");
			assertThat(messages.getMessage("nav.login", null, Locale.JAPANESE)).isEqualTo("Log in");
			assertThat(context.getEnvironment().getProperty("spring.messages.basename")).isNull();
		});
	}
}
