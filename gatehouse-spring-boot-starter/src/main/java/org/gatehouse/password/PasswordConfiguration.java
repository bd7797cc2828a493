package org.gatehouse.password;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.SecretKeys;
import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.passwords.PasswordPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password context and policy built from gatehouse.passwords.*; both replaceable by the application. */
@Configuration(proxyBeanMethods = false)
public class PasswordConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public PasswordContext passwordContext(GatehouseProperties properties) {
		GatehouseProperties.Passwords p = properties.getPasswords();
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
	public LegacyHashSample legacyHashSample(PasswordContext context, SecretKeys secretKeys) {
		return new LegacyHashSample(context, secretKeys.derive(LegacyHashSample.PURPOSE, 32));
	}

	@Bean
	@ConditionalOnMissingBean
	public PasswordPolicy passwordPolicy(GatehouseProperties properties) {
		return new PasswordPolicy(properties.getPasswords().getMinLength(), properties.getPasswords().getMaxLength());
	}

	@Bean
	@ConditionalOnMissingBean
	public PasswordEncoder passwordEncoder(PasswordContext context) {
		return new PasswordContextEncoder(context);
	}
}
