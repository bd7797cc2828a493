package org.gatehouse.token;

import org.gatehouse.config.GatehouseAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Personal access tokens: issued and listed under /api/tokens, kept in the {@link ApiTokenStore}
 * (the table gh_api_token unless the application declares its own), revoked with a password reset.
 * The Bearer filter chain that accepts them is the security package's.
 */
@AutoConfiguration(after = GatehouseAutoConfiguration.class)
@Import({ PersonalAccessTokens.class, TokenRevocationOnPasswordChange.class })
@EnableConfigurationProperties(ApiProperties.class)
public class ApiTokenAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	ApiTokenStore gatehouseApiTokenStore(JdbcClient jdbc) {
		return new JdbcApiTokenStore(jdbc);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import(ApiTokenController.class)
	static class Api {
	}
}
