package org.gatehouse.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.gatehouse.config.GatehouseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.ITemplateEngine;

class MailAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailAutoConfiguration.class))
		.withBean(GatehouseProperties.class)
		.withBean(ITemplateEngine.class, () -> mock(ITemplateEngine.class));

	@Test
	void gatehousesTemplateMailerByDefault() {
		runner.run(context -> assertThat(context).hasSingleBean(AccountMailer.class)
			.getBean(AccountMailer.class)
			.isInstanceOf(TemplateAccountMailer.class));
	}

	@Test
	void anApplicationsOwnMailerReplacesIt() {
		runner.withUserConfiguration(HostMailer.class).run(context -> assertThat(context)
			.hasSingleBean(AccountMailer.class)
			.doesNotHaveBean(TemplateAccountMailer.class)
			.getBean(AccountMailer.class)
			.isSameAs(context.getBean(HostMailer.class).mailer));
	}

	@Configuration(proxyBeanMethods = false)
	static class HostMailer {

		final AccountMailer mailer = (to, kind, link, more) -> { };

		@Bean
		AccountMailer hostMailer() {
			return mailer;
		}
	}
}
