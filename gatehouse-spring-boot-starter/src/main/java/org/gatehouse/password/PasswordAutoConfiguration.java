package org.gatehouse.password;

import org.gatehouse.account.AccountAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.CryptoAutoConfiguration;
import org.gatehouse.crypto.SecretKeys;
import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.passwords.PasswordPolicy;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords: the hashing context and policy built from gatehouse.passwords.* (both replaceable by
 * the application), the password check of login and re-authentication, and the change-password
 * feature (gatehouse.features.changeable, SECURITY_CHANGEABLE: off, its URLs answer 404).
 */
@AutoConfiguration(after = { CryptoAutoConfiguration.class, AccountAutoConfiguration.class })
@EnableConfigurationProperties({ GatehouseProperties.class, PasswordsProperties.class })
@Import({ PasswordService.class, AccountPasswordCheck.class, LegacyHashSampleRefresh.class })
public class PasswordAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PasswordContext passwordContext(PasswordsProperties properties) {
		PasswordsProperties p = properties;
		return PasswordContext.builder()
			.defaultScheme(p.getHash())
			.schemes(p.getSchemes())
			.deprecatedSchemes(p.getDeprecatedSchemes())
			.rounds(p.getRounds())
			.legacyHmacSalt(p.getLegacyHmacSalt())
			.singleHashSchemes(p.getSingleHashSchemes())
			.build();
	}

	@Bean
	LegacyHashSample legacyHashSample(PasswordContext context, SecretKeys secretKeys) {
		return new LegacyHashSample(context, secretKeys.derive(LegacyHashSample.PURPOSE, 32));
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordPolicy passwordPolicy(PasswordsProperties properties) {
		return new PasswordPolicy(properties.getMinLength(), properties.getMaxLength());
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder passwordEncoder(PasswordContext context) {
		return new PasswordContextEncoder(context);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "gatehouse.features.changeable", matchIfMissing = true)
	@Import(PasswordChange.class)
	static class Changeable {

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		@Import({ ChangePasswordController.class, PasswordApiController.class })
		static class Pages {
		}
	}
}
