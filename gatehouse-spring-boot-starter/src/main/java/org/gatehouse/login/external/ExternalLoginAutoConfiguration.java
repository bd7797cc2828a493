package org.gatehouse.login.external;

import java.time.Clock;

import org.gatehouse.account.AccountAutoConfiguration;
import org.gatehouse.account.AccountLinks;
import org.gatehouse.account.LoginCompletion;
import org.gatehouse.account.SessionLogin;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.CryptoAutoConfiguration;
import org.gatehouse.crypto.Signers;
import org.gatehouse.mail.AccountMailer;
import org.gatehouse.mail.MailAutoConfiguration;
import org.gatehouse.security.GatehouseHttpSecurityCustomizer;
import org.gatehouse.session.UserSessions;
import org.gatehouse.throttle.PageRateLimits;
import org.gatehouse.throttle.ThrottleAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * External sign-in (ORCID, GitHub, any OpenID Connect provider) on Spring Security's OAuth2 client, with Gatehouse's
 * login semantics: the provider's answer ends in a normal Gatehouse session login of the linked user. On when at
 * least one provider is configured under {@code gatehouse.login.providers} and the OAuth2 client is on the class
 * path (spring-boot-starter-security-oauth2-client, optional in the starter). The providers and the identity store
 * come from {@link ExternalIdentitiesAutoConfiguration}.
 * <p>
 * The sign-in is authenticated by {@link ExternalIdentityAuthenticationProvider} in an AuthenticationManager of its
 * own, publishing Spring Security's authentication events: declared as a bean, a second AuthenticationProvider would
 * keep Spring Security from putting the password provider (the application's only one) in the global manager.
 */
@AutoConfiguration(after = { AccountAutoConfiguration.class, CryptoAutoConfiguration.class,
		JdbcClientAutoConfiguration.class, ThrottleAutoConfiguration.class, MailAutoConfiguration.class,
		ExternalIdentitiesAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ClientRegistration.class)
@Conditional(ExternalProvidersConfigured.class)
@EnableConfigurationProperties(ExternalLoginProperties.class)
@Import({ ExternalSignInController.class, LinkedAccountsController.class })
public class ExternalLoginAutoConfiguration {

	@Bean
	ExternalAccounts gatehouseExternalAccounts(ExternalIdentityStore identities, UserStore users,
			SessionLogin sessionLogin, ApplicationEventPublisher events, GatehouseProperties properties,
			PageRateLimits rateLimits, PlatformTransactionManager transactions,
			ObjectProvider<AuthenticationEventPublisher> authenticationEvents, ObjectProvider<LoginCompletion> completion) {
		ProviderManager manager = new ProviderManager(
				new ExternalIdentityAuthenticationProvider(identities, users, properties));
		authenticationEvents.ifAvailable(manager::setAuthenticationEventPublisher);
		ExternalAccounts accounts = new ExternalAccounts(identities, users, manager, sessionLogin, events, properties,
				rateLimits, transactions);
		completion.ifAvailable(accounts::setLoginCompletion);
		return accounts;
	}

	@Bean
	PendingSignIn gatehouseExternalPendingSignIn(Signers signers) {
		return new PendingSignIn(signers.fieldEncryptor("external-login-pending"));
	}

	@Bean
	MailedLinkProof gatehouseExternalMailedLinkProof(Signers signers, UserStore users, AccountLinks links,
			AccountMailer mailer, PageRateLimits rateLimits, ExternalProviders providers, Clock clock) {
		return new MailedLinkProof(signers.timedSigner("external-identity-link"), users, links, mailer, rateLimits,
				providers, clock);
	}

	@Bean
	TokenCapture gatehouseExternalTokenCapture(ExternalProviders providers) {
		return new TokenCapture(providers);
	}

	@Bean
	ExternalLoginHandler gatehouseExternalLoginHandler(ExternalAccounts accounts, PendingSignIn pending,
			TokenCapture tokens, GatehouseProperties properties) {
		return new ExternalLoginHandler(accounts, pending, tokens, properties);
	}

	@Bean
	ExternalLoginAuditor gatehouseExternalLoginAuditor(ApplicationEventPublisher events,
			ExternalIdentityStore identities) {
		return new ExternalLoginAuditor(events, identities);
	}

	/**
	 * Spring Security's OAuth2 login on Gatehouse's page chain. Its own security context is never saved: the handler
	 * turns the provider's answer into a Gatehouse login, or into none.
	 */
	@Bean
	GatehouseHttpSecurityCustomizer gatehouseExternalLogin(ExternalProviders providers, TokenCapture tokens,
			ExternalLoginHandler handler, GatehouseProperties properties) {
		ProviderUserService users = new ProviderUserService(providers, RestClient.builder());
		return http -> http
			.oauth2Login(login -> login.loginPage(properties.getUrls().getLogin())
				.clientRegistrationRepository(providers)
				.authorizedClientRepository(tokens)
				// set here, not by securityContextRepository(): configure() replaces that with the chain's repository
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
					@Override
					public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
						filter.setSecurityContextRepository(new NullSecurityContextRepository());
						return filter;
					}
				})
				.userInfoEndpoint(userInfo -> userInfo.userService(users))
				.successHandler(handler)
				.failureHandler(handler))
			.addFilterBefore(new ProviderAvailabilityFilter(providers), OAuth2AuthorizationRequestRedirectFilter.class);
	}

	@Bean
	ProviderLogout gatehouseExternalProviderLogout(ExternalIdentityStore identities,
			ObjectProvider<UserSessions> sessions, JdbcClient jdbc, ExternalProviders providers,
			ApplicationEventPublisher events, Clock clock) {
		return new ProviderLogout(identities, sessions, new LogoutTokenLedger(jdbc, clock), providers, events, clock);
	}

	/**
	 * OpenID Connect Back-Channel Logout from the providers, at Spring Security's default path
	 * /logout/connect/back-channel/NAME (before the CSRF filter: a provider has no token). Spring verifies the logout
	 * token against the provider's registration; Gatehouse ends the sessions.
	 */
	@Bean
	GatehouseHttpSecurityCustomizer gatehouseExternalBackChannelLogout(ExternalProviders providers,
			ProviderLogout logout) {
		return http -> http
			.addFilterBefore(new BackChannelLogoutGuard(providers), CsrfFilter.class)
			.oidcLogout(oidc -> oidc.clientRegistrationRepository(providers)
				.oidcSessionRegistry(new DiscardingOidcSessionRegistry())
				.backChannel(backChannel -> backChannel.logoutHandler(new BackChannelLogoutHandler(logout))));
	}

	@Bean
	WebMvcConfigurer gatehouseExternalLoginPageModel(ExternalProviders providers, ExternalIdentityStore identities) {
		ExternalLoginPageModel model = new ExternalLoginPageModel(providers, identities);
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(model);
			}
		};
	}
}
