package org.gatehouse.csrf;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.SecretKeys;
import org.gatehouse.crypto.Signers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class CsrfAutoConfigurationTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GatehouseProperties.class)
	@Import({ SecretKeys.class, Signers.class })
	static class Keys {
	}

	@Test
	void theFormAndRestCsrfPiecesAndTheTokenEndpointAreDeclared() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(CsrfAutoConfiguration.class))
			.withUserConfiguration(Keys.class)
			.withPropertyValues("gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
			.run(context -> assertThat(context).hasSingleBean(RestCsrfTokenRepository.class)
				.hasSingleBean(RestCsrfRequestMatcher.class).hasSingleBean(RestCsrfTokens.class)
				.hasSingleBean(ApiCors.class).hasSingleBean(CsrfTokenController.class)
				.hasSingleBean(FormCsrfTokenRepository.class));
	}
}
