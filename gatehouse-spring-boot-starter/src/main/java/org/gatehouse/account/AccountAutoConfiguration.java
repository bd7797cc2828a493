package org.gatehouse.account;

import java.time.Clock;

import org.gatehouse.cache.NearCaches;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.CryptoAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.authentication.configuration.EnableGlobalAuthentication;

/**
 * Accounts: the user store, password login (form and JSON), logout, remember-me, re-authentication.
 * The user store and the remember-me token store back off for an application's own beans. Spring Security's
 * AuthenticationManager (through which {@link PasswordLogin} logs in) is enabled here, not only by the filter
 * chains' {@code @EnableWebSecurity}, which exists in a web application only.
 */
@AutoConfiguration(after = { CryptoAutoConfiguration.class, JdbcClientAutoConfiguration.class },
		before = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties({ GatehouseProperties.class, TrackingProperties.class, AdminProperties.class, TokensProperties.class })
@Import({ AccountAuthenticationProvider.class, AccountLinks.class, AccountUserDetailsService.class,
		CredentialRevocation.class, LoginFailureHandler.class, LoginRecorder.class, LoginSuccessHandler.class,
		PasswordLogin.class, Reauthentication.class, RecaptchaVerifier.class, RememberMeTheft.class,
		SessionLogin.class })
@EnableGlobalAuthentication
public class AccountAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(UserStore.class)
	@DependsOnDatabaseInitialization
	JdbcUserStore gatehouseUserStore(JdbcClient jdbc, Clock clock, ObjectProvider<NearCaches> nearCaches) {
		return new NearCachedJdbcUserStore(jdbc, clock, nearCaches.getIfAvailable(NearCaches::off).cache(NearCaches.USERS));
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	RememberMeTokenStore gatehouseRememberMeTokenStore(JdbcClient jdbc) {
		return new JdbcRememberMeTokenStore(jdbc);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ LoginController.class, AccountApiController.class })
	static class Pages {
	}
}
