package org.gatehouse.oidc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.gatehouse.account.LoginEntryPoint;
import org.gatehouse.account.RevocableRememberMeServices;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.security.GatehouseHttpSecurityCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * The provider's filter chain: Spring Authorization Server's endpoints and nothing else (authorize, token,
 * introspect, revoke, JWKS, discovery, userinfo, end-session), so the host's other URLs are untouched. A visitor
 * who must sign in is sent to Gatehouse's own login page (with its throttle, allowed hosts and CSP) and comes back
 * by its "next" parameter; the consent page is a Gatehouse page in the page chain.
 */
@Configuration(proxyBeanMethods = false)
class OidcProviderSecurityConfiguration {

	static final String CONSENT_PAGE = "/oauth2/consent";

	@Bean
	@Order(0)
	@ConditionalOnMissingBean(name = "gatehouseOidcProviderFilterChain")
	SecurityFilterChain gatehouseOidcProviderFilterChain(HttpSecurity http, GatehouseProperties gatehouse,
			OidcProperties properties, RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
			OAuth2AuthorizationConsentService consents, SigningKeys keys, UserClaims claims,
			RevocableRememberMeServices rememberMe, UserStore users, Clock clock) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (StringUtils.hasText(properties.getIssuer())) {
			settings.issuer(properties.getIssuer());
		}
		http.setSharedObject(com.nimbusds.jose.jwk.source.JWKSource.class, keys);
		JwtGenerator tokens = new JwtGenerator(new NimbusJwtEncoder(keys));
		tokens.setJwtCustomizer(claims);
		http.setSharedObject(JwtGenerator.class, tokens);
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server, as -> as.registeredClientRepository(clients)
				.authorizationService(authorizations)
				.authorizationConsentService(consents)
				.authorizationServerSettings(settings.build())
				.authorizationEndpoint(endpoint -> endpoint.consentPage(CONSENT_PAGE))
				.oidc(oidc -> oidc
					.providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(metadata -> metadata
						.idTokenSigningAlgorithms(algorithms -> {
							algorithms.clear();
							algorithms.add(keys.current().getAlgorithm().getName());
						})
						.scopes(scopes -> {
							scopes.clear();
							scopes.addAll(OidcScopes.SUPPORTED.stream().sorted().toList());
						})
						.claim("claims_supported", List.of("sub", "name", "preferred_username", "email", "email_verified",
								"roles", "sid"))
						.claim("backchannel_logout_supported", true)
						.claim("backchannel_logout_session_supported", true)))
					.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims))))
			.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
			.addFilterBefore(new AuthenticationTimeFilter(users, clock), AuthorizationFilter.class)
			// security headers come from Gatehouse's own filter, as on every other chain
			.headers(headers -> headers.disable())
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
					new LoginEntryPoint(gatehouse.getUrls().getLogin()), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(decoder(keys))));
		if (gatehouse.getRememberMe().isEnabled()) {
			http.rememberMe(remember -> remember.rememberMeServices(rememberMe));
		}
		return http.build();
	}

	/** The consent page needs a signed-in user, as the authorization endpoint that sends users there. */
	@Bean
	GatehouseHttpSecurityCustomizer gatehouseOidcConsentPageRequiresLogin() {
		return http -> http.authorizeHttpRequests(authorize -> authorize
			.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(CONSENT_PAGE)).authenticated());
	}

	@Bean
	ConsentController gatehouseOidcConsentController(RegisteredClientRepository clients,
			OAuth2AuthorizationConsentService consents) {
		return new ConsentController(clients, consents);
	}

	@Bean
	OidcAccessTokens gatehouseOidcAccessTokens(SigningKeys keys, OAuth2AuthorizationService authorizations,
			UserStore users) {
		return new OidcAccessTokens(decoder(keys), authorizations, users);
	}

	/** Verifies the provider's own access tokens (userinfo): signed by one of its published keys. */
	static JwtDecoder decoder(SigningKeys keys) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		List<JWSAlgorithm> algorithms = new ArrayList<>(List.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(java.util.Set.copyOf(algorithms), keys));
		processor.setJWTClaimsSetVerifier((claims, context) -> {
			// expiry and issued-at are checked by the decoder's own validators
		});
		return new NimbusJwtDecoder(processor);
	}
}
