package org.gatehouse.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of Gatehouse's JSON API when springdoc is on the class path: the "gatehouse" group of
 * /api/** (an application's springdoc serves it at its api-docs path + /gatehouse), its title and the two
 * authentication schemes. The application's springdoc settings stay its own; gatehouse-server serves the
 * description at /api/openapi.json.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(GroupedOpenApi.class)
@ConditionalOnBooleanProperty(name = "gatehouse.api.docs-enabled", matchIfMissing = true)
class ApiDocsConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "gatehouseApiGroup")
	public GroupedOpenApi gatehouseApiGroup() {
		return GroupedOpenApi.builder().group("gatehouse").displayName("Gatehouse accounts API").pathsToMatch("/api/**")
			.build();
	}

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
