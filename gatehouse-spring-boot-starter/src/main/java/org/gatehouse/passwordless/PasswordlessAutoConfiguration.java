package org.gatehouse.passwordless;

import java.time.Clock;

import javax.sql.DataSource;

import org.gatehouse.account.AccountAutoConfiguration;
import org.gatehouse.account.AccountUserDetailsService;
import org.gatehouse.account.LoginSuccessHandler;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.SecretKeys;
import org.gatehouse.security.GatehouseHttpSecurityCustomizer;
import org.gatehouse.tasks.BatchedDelete;
import org.gatehouse.throttle.LoginThrottle;
import org.gatehouse.throttle.ThrottleAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Passwordless sign-in by an emailed link and code (gatehouse.features.passwordless, SECURITY_PASSWORDLESS; off by
 * default): pages, JSON API, and Spring Security's one-time-token login on the page filter chain, with
 * {@link LoginLinkTokenService} keeping the tokens in the database. Off, its URLs answer 404 and the login page does
 * not offer it.
 */
@AutoConfiguration(after = { AccountAutoConfiguration.class, ThrottleAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "gatehouse.features.passwordless")
@EnableConfigurationProperties({ GatehouseProperties.class, PasswordlessProperties.class })
@Import({ BrowserBinding.class, LoginLinkFailureAuditor.class })
public class PasswordlessAutoConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	LoginLinkStore gatehouseLoginLinkStore(JdbcClient jdbc) {
		return new LoginLinkStore(jdbc);
	}

	@Bean
	LoginLinkTokenService gatehouseLoginLinkTokenService(LoginLinkStore store, SecretKeys secretKeys, UserStore users,
			LoginThrottle throttle, PasswordlessProperties properties, Clock clock) {
		return new LoginLinkTokenService(store, new LoginLinkSecrets(secretKeys), users, throttle, properties, clock);
	}

	@Bean
	ExpiredLoginLinksTask gatehouseExpiredLoginLinksTask(DataSource dataSource, PasswordlessProperties properties,
			Clock clock) {
		return new ExpiredLoginLinksTask(new BatchedDelete(dataSource, BatchedDelete.BATCH), properties, clock);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ PasswordlessSignIn.class, PasswordlessController.class, PasswordlessApiController.class })
	static class Pages {

		/**
		 * Spring Security's one-time-token login on the page chain: its filter takes POST /login/link/ (a link's token,
		 * or an address and code) through the chain's AuthenticationManager (its provider only there, never as an
		 * AuthenticationProvider bean: Spring Security gives the global manager such a bean only when there is exactly
		 * one, Gatehouse's password provider; a second one would leave password logins without a provider), and a success goes through the password
		 * login's own {@link LoginSuccessHandler}, with the same session id rotation, remember-me and login recording.
		 * Its token-generating filter stands aside (the resolver finds no request): links are mailed by
		 * {@link PasswordlessSignIn}, which the JSON API shares, with the throttle and the browser binding.
		 */
		@Bean
		GatehouseHttpSecurityCustomizer gatehousePasswordlessLogin(LoginLinkTokenService tokens,
				AccountUserDetailsService accounts, BrowserBinding browsers, LoginSuccessHandler successHandler,
				GatehouseProperties properties) {
			return http -> http.oneTimeTokenLogin(ott -> ott.loginPage(properties.getUrls().getLogin())
				.loginProcessingUrl(PasswordlessPaths.LINK)
				.tokenService(tokens)
				.authenticationProvider(new LoginLinkAuthenticationProvider(tokens, accounts))
				.authenticationConverter(new LoginLinkAuthenticationConverter(browsers))
				.authenticationSuccessHandler(successHandler)
				.authenticationFailureHandler(new LoginLinkFailureHandler())
				.showDefaultSubmitPage(false)
				.tokenGeneratingUrl(PasswordlessPaths.REQUEST)
				.generateRequestResolver(request -> null)
				.tokenGenerationSuccessHandler((request, response, token) -> {
				}));
		}
	}
}
