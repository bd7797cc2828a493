package org.gatehouse.config;

import java.time.Clock;

import org.gatehouse.account.AccountAuthenticationProvider;
import org.gatehouse.account.AccountUserDetailsService;
import org.gatehouse.account.LoginEntryPoint;
import org.gatehouse.account.LoginFailureHandler;
import org.gatehouse.account.LoginSuccessHandler;
import org.gatehouse.account.RememberMeTokenStore;
import org.gatehouse.account.RevocableRememberMeServices;
import org.gatehouse.session.SessionCookies;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one Spring Security filter chain: form login, revocable remember-me, logout by POST,
 * session-bound CSRF on every form. Security headers are written by the http package's
 * filter (it also covers responses Spring Security never sees), so they are off here.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class WebSecurityConfiguration {

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	public SecurityFilterChain gatehouseSecurityFilterChain(HttpSecurity http, GatehouseProperties properties,
			AccountAuthenticationProvider authenticationProvider, LoginSuccessHandler successHandler,
			LoginFailureHandler failureHandler, RevocableRememberMeServices rememberMe) throws Exception {
		GatehouseProperties.Urls urls = properties.getUrls();
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher api = paths.matcher("/api/**");
		http.headers(headers -> headers.disable())
			.authenticationProvider(authenticationProvider)
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers(paths.matcher("/admin/**")).hasRole("admin")
				.requestMatchers(paths.matcher("/account/**")).authenticated()
				.requestMatchers(paths.matcher(urls.getChangePassword()), paths.matcher(urls.getSessions()))
				.authenticated()
				.anyRequest().permitAll())
			.formLogin(form -> form.loginPage(urls.getLogin())
				.loginProcessingUrl(urls.getLogin())
				.usernameParameter("login")
				.passwordParameter("password")
				.successHandler(successHandler)
				.failureHandler(failureHandler))
			.logout(logout -> logout.logoutRequestMatcher(paths.matcher(HttpMethod.POST, urls.getLogout()))
				// Spring's ClearSiteDataHeaderWriter writes only on HTTPS; browsers also honour it on
				// http://localhost, so it is sent always
				.addLogoutHandler((request, response, auth) -> response.setHeader("Clear-Site-Data",
						"\"cookies\", \"storage\""))
				.invalidateHttpSession(true)
				.deleteCookies(SessionCookies.name(properties), properties.getCsrf().getCookieName())
				.logoutSuccessUrl(urls.getHome()))
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
				.defaultAuthenticationEntryPointFor(new LoginEntryPoint(urls.getLogin()), request -> true));
		if (properties.getRememberMe().isEnabled()) {
			http.rememberMe(remember -> remember.rememberMeServices(rememberMe));
		}
		return http.build();
	}

	@Bean
	public RevocableRememberMeServices gatehouseRememberMeServices(GatehouseProperties properties,
			SecretKeys secretKeys, Signers signers, AccountUserDetailsService users, RememberMeTokenStore tokens,
			Clock clock) {
		String key = java.util.HexFormat.of().formatHex(secretKeys.derive("remember-me-authentication", 32));
		RevocableRememberMeServices services = new RevocableRememberMeServices(key, users, tokens,
				signers.signer("remember-me-cookie"), properties.getRememberMe().getDuration(), clock);
		services.setCookieName(properties.getRememberMe().getCookieName());
		services.setUseSecureCookie(SessionCookies.secure(properties));
		return services;
	}
}
