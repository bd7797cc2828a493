package org.gatehouse.web;

import io.swagger.v3.oas.models.OpenAPI;

import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.CspNonce;
import org.gatehouse.http.HttpAutoConfiguration;
import org.gatehouse.http.Sri;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What Gatehouse's pages share: the page model of every template, the home page, and the OpenAPI
 * description's title. Error pages are not here: they are the application's
 * ({@link GatehouseErrorPages} for an application that wants Gatehouse's, as gatehouse-server does).
 */
@AutoConfiguration(after = { GatehouseAutoConfiguration.class, HttpAutoConfiguration.class })
public class WebAutoConfiguration {

	@Bean
	public PageModel gatehousePageModel(GatehouseProperties properties, Sri sri, CspNonce cspNonce) {
		return new PageModel(properties, sri, cspNonce);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBooleanProperty(name = "gatehouse.home-page-enabled", matchIfMissing = true)
	HomeController gatehouseHomeController(GatehouseProperties properties) {
		return new HomeController(properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import(PageWebConfiguration.class)
	static class Pages {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenAPI.class)
	@Import(ApiDocsConfiguration.class)
	static class ApiDocs {
	}
}
