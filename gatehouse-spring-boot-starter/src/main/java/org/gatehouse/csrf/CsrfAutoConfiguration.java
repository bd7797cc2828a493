package org.gatehouse.csrf;

import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.Signers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Form CSRF tokens (session or, without one, a signed cookie), REST CSRF (signed double-submit cookie,
 * {@code GET /api/csrf}) and CORS for /api/: the pieces the
 * security chains of org.gatehouse.security are built from.
 */
@AutoConfiguration(after = GatehouseAutoConfiguration.class)
@Import(RestCsrfConfiguration.class)
@EnableConfigurationProperties(CorsProperties.class)
public class CsrfAutoConfiguration {

	@Bean
	public RestCsrfTokens gatehouseRestCsrfTokens(RestCsrfTokenRepository repository, GatehouseProperties properties) {
		return new RestCsrfTokens(repository, properties);
	}

	@Bean
	public FormCsrfTokenRepository gatehouseFormCsrfTokenRepository(Signers signers, GatehouseProperties properties) {
		return new FormCsrfTokenRepository(signers.signer("form-csrf"), properties);
	}

	@Bean
	public ApiCors gatehouseApiCors(CorsProperties cors, GatehouseProperties properties) {
		return new ApiCors(cors, properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import(CsrfTokenController.class)
	static class Api {
	}
}
