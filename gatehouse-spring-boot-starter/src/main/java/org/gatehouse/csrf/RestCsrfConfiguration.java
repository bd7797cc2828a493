package org.gatehouse.csrf;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.Signers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The REST CSRF pieces the API filter chain is built from. */
class RestCsrfConfiguration {

	@Bean
	public RestCsrfTokenRepository gatehouseRestCsrfTokenRepository(Signers signers, GatehouseProperties properties) {
		return new RestCsrfTokenRepository(signers.signer("rest-csrf"), properties);
	}

	@Bean
	public RestCsrfRequestMatcher gatehouseRestCsrfRequestMatcher(GatehouseProperties properties) {
		return new RestCsrfRequestMatcher(properties);
	}
}
