package org.gatehouse.breach;

import org.gatehouse.password.PasswordAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
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
			BreachedPasswordsProperties properties) {
		return new BreachedPasswordCheck(gatehouseBreachCorpus, properties);
	}
}
