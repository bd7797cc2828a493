package org.gatehouse.breach;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.RequestMessages;
import org.gatehouse.password.PasswordAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;

/**
 * Breached-password checks (gatehouse.passwords.breached.enabled, SECURITY_PASSWORD_CHECK_BREACHED; off by
 * default): every new password - sign-up, change, reset, invitation, first admin, command line - is looked up
 * in Have I Been Pwned's range API or a local hash file. An application's own {@link CompromisedPasswordChecker}
 * bean replaces the corpus.
 */
@AutoConfiguration(before = PasswordAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "gatehouse.passwords.breached.enabled")
@EnableConfigurationProperties(BreachedPasswordsProperties.class)
public class BreachedPasswordsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CompromisedPasswordChecker gatehouseBreachCorpus(BreachedPasswordsProperties properties) {
		return switch (properties.getSource()) {
			case API -> new PwnedRangeApiChecker(properties.getApiUrl(), properties.getTimeout(),
					properties.getCacheSize(), properties.getCacheDuration());
			case FILE -> {
				if (properties.getFile() == null) {
					throw new IllegalStateException(
							"gatehouse.passwords.breached.source=file needs gatehouse.passwords.breached.file");
				}
				yield new Sha1HashFile(properties.getFile());
			}
		};
	}

	@Bean
	BreachedPasswordCheck breachedPasswordCheck(CompromisedPasswordChecker gatehouseBreachCorpus,
			BreachedPasswordsProperties properties, ApplicationEventPublisher events) {
		return new BreachedPasswordCheck(gatehouseBreachCorpus, properties, events);
	}

	/** check-at-login: the session of a login with a breached password reaches only the change-password page. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "gatehouse.passwords.breached.check-at-login")
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import(PasswordChangeRequired.class)
	static class AtLogin {

		@Bean
		FilterRegistrationBean<PasswordChangeRequiredFilter> gatehousePasswordChangeRequiredFilter(
				GatehouseProperties gatehouse, RequestMessages messages) {
			FilterRegistrationBean<PasswordChangeRequiredFilter> registration = new FilterRegistrationBean<>(
					new PasswordChangeRequiredFilter(gatehouse, messages));
			// after Spring Security's filter chain: the session's login is in place
			registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
			return registration;
		}
	}
}
