package org.gatehouse.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title and the two authentication schemes of the OpenAPI description at /api/openapi.json (springdoc). */
class ApiDocsConfiguration {

	@Bean
	@ConditionalOnMissingBean(OpenAPI.class)
	public OpenAPI gatehouseOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Gatehouse accounts API")
				.description("Cookie sessions need the X-CSRFToken header on unsafe requests; "
						+ "Bearer personal access tokens are scoped (user:read, user:write, admin). See docs/api.md."))
			.components(new Components()
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.description("Personal access token: gat_..."))
				.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.COOKIE).name("gatehouse_session")));
	}
}
