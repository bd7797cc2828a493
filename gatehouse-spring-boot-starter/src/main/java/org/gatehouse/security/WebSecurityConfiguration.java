package org.gatehouse.security;

import java.time.Clock;

import org.gatehouse.account.AccountUserDetailsService;
import org.gatehouse.account.LoginCompletion;
import org.gatehouse.account.LoginEntryPoint;
import org.gatehouse.account.LoginFailureHandler;
import org.gatehouse.account.LoginFormDetailsSource;
import org.gatehouse.account.LoginSuccessHandler;
import org.gatehouse.account.RememberMeTheft;
import org.gatehouse.account.RememberMeTokenStore;
import org.gatehouse.account.RevocableRememberMeServices;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.SecretKeys;
import org.gatehouse.crypto.Signers;
import org.gatehouse.csrf.ApiCors;
import org.gatehouse.csrf.CrossSiteRequestFilter;
import org.gatehouse.csrf.CsrfProblemHandler;
import org.gatehouse.csrf.FormCsrfTokenRepository;
import org.gatehouse.csrf.RememberMeLoginCsrfFilter;
import org.gatehouse.csrf.RestCsrfRequestMatcher;
import org.gatehouse.csrf.RestCsrfTokenRepository;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.http.AllowedHosts;
import org.gatehouse.http.RequestMessages;
import org.gatehouse.http.SessionCookies;
import org.gatehouse.mfa.MfaPolicy;
import org.gatehouse.token.BearerTokenFilter;
import org.gatehouse.token.BearerTokenVerifier;
import org.gatehouse.token.PersonalAccessTokens;
import org.gatehouse.token.TokenScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security filter chains, tried in this order:
 * <ol>
 * <li>{@code /api/**} with {@code Authorization: Bearer}: the personal access token alone (or another kind a
 * {@link BearerTokenVerifier} bean knows, e.g. the OpenID Connect provider's access tokens),
 * stateless, no CSRF (nothing ambient to forge), no session and no remember-me cookie;
 * scopes decide what the token may do.</li>
 * <li>{@code /api/**} otherwise: session or remember-me cookie, REST CSRF (signed
 * double-submit cookie plus Origin / Sec-Fetch-Site checks), problem+json 401 and 403.</li>
 * <li>Everything else (pages): form login, revocable remember-me, logout by POST,
 * session-bound CSRF on every form (a signed cookie-bound token for visitors without a session).</li>
 * </ol>
 * Security headers are written by the http package's filter (it also covers responses
 * Spring Security never sees), so they are off here.
 * <p>
 * Each chain backs off when the application declares a bean of its name. A chain of the application's
 * own with its own {@code securityMatcher} and a lower {@code @Order} than the page chain serves its
 * URLs first; {@link GatehouseHttpSecurityCustomizer} beans add rules to the page chain.
 */
@EnableWebSecurity
@EnableMethodSecurity
class WebSecurityConfiguration {

	/** The page chain matches every request, so it comes after every other chain. */
	static final int PAGE_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE;

	private static final String API = "/api/**";

	@Bean
	@Order(PAGE_CHAIN_ORDER)
	@ConditionalOnMissingBean(name = "gatehouseSecurityFilterChain")
	public SecurityFilterChain gatehouseSecurityFilterChain(HttpSecurity http, GatehouseProperties properties,
			LoginSuccessHandler successHandler, LoginFailureHandler failureHandler, FormCsrfTokenRepository formCsrfTokens,
			RevocableRememberMeServices rememberMe, ObjectProvider<GatehouseHttpSecurityCustomizer> customizers,
			ObjectProvider<MfaPolicy> mfaPolicy, ObjectProvider<LoginCompletion> loginCompletion) throws Exception {
		GatehouseProperties.Urls urls = properties.getUrls();
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		// the host's rules first: the first matching rule decides
		for (GatehouseHttpSecurityCustomizer customizer : customizers.orderedStream().toList()) {
			customizer.customize(http);
		}
		// AccountAuthenticationProvider is the application's only AuthenticationProvider bean, so it
		// sits in the global manager every chain delegates to; adding it to a chain as well would
		// make Spring Security try it twice for each failed login
		http.headers(headers -> headers.disable())
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.csrf(csrf -> csrf.csrfTokenRepository(formCsrfTokens))
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers(paths.matcher("/admin/**")).access(adminRole(mfaPolicy))
				.requestMatchers(paths.matcher("/account/**")).authenticated()
				.requestMatchers(paths.matcher(urls.getChangePassword()), paths.matcher(urls.getSessions()))
				.authenticated()
				.anyRequest().permitAll())
			.formLogin(form -> form.loginPage(urls.getLogin())
				.loginProcessingUrl(urls.getLogin())
				.usernameParameter("login")
				.passwordParameter("password")
				.authenticationDetailsSource(new LoginFormDetailsSource("login"))
				.successHandler(successHandler)
				.failureHandler(failureHandler))
			.logout(logout -> logout.logoutRequestMatcher(paths.matcher(HttpMethod.POST, urls.getLogout()))
				// Spring's ClearSiteDataHeaderWriter writes only on HTTPS; browsers also honour it on
				// http://localhost, so it is sent always
				.addLogoutHandler((request, response, auth) -> response.setHeader("Clear-Site-Data",
						"\"cookies\", \"storage\""))
				.invalidateHttpSession(true)
				.deleteCookies(SessionCookies.name(properties), SessionCookies.csrfName(properties))
				.logoutSuccessUrl(urls.getHome()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginEntryPoint(urls.getLogin(),
					loginCompletion.getIfAvailable(() -> LoginCompletion.NONE)))
				// the error page reads the refusal to say what is missing
				.accessDeniedHandler((request, response, denied) -> {
					request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
					response.sendError(HttpStatus.FORBIDDEN.value());
				}));
		if (properties.getRememberMe().isEnabled()) {
			http.rememberMe(remember -> remember.rememberMeServices(rememberMe));
		}
		return http.build();
	}

	@Bean
	@Order(1)
	@ConditionalOnMissingBean(name = "gatehouseApiTokenFilterChain")
	public SecurityFilterChain gatehouseApiTokenFilterChain(HttpSecurity http, PersonalAccessTokens tokens,
			AuthenticationEventPublisher authenticationEvents, ApiCors cors, RequestMessages messages,
			ObjectProvider<BearerTokenVerifier> verifiers) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		String read = TokenScope.USER_READ.authority();
		String write = TokenScope.USER_WRITE.authority();
		http.securityMatcher(new AndRequestMatcher(paths.matcher(API), BearerTokenFilter.BEARER_REQUEST))
			.headers(headers -> headers.disable())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.addFilterBefore(new BearerTokenFilter(tokens, verifiers.orderedStream().toList(), authenticationEvents, messages),
					AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(authorize -> authorize
				// logging in, out or signing up is about sessions, which token requests do not have
				.requestMatchers(paths.matcher(HttpMethod.POST, "/api/login"), paths.matcher(HttpMethod.POST, "/api/logout"),
						paths.matcher(HttpMethod.POST, "/api/register"), paths.matcher("/api/login/**")).denyAll()
				// WebAuthn ceremonies happen in a browser's session (passkey sign-in, adding a key)
				.requestMatchers(paths.matcher(HttpMethod.POST, "/api/webauthn/**")).denyAll()
				// second factors are set up and removed in a signed-in browser session only
				.requestMatchers(paths.matcher("/api/mfa/**")).denyAll()
				.requestMatchers(paths.matcher("/api/admin/**")).access(AuthorizationManagers.allOf(
						AuthorityAuthorizationManager.hasAuthority(TokenScope.ADMIN.authority()),
						AuthorityAuthorizationManager.hasRole("admin")))
				// "/x/**" matches "/x" too
				.requestMatchers(paths.matcher(HttpMethod.GET, "/api/me/**"), paths.matcher(HttpMethod.GET, "/api/sessions/**"),
						paths.matcher(HttpMethod.GET, "/api/tokens/**"), paths.matcher(HttpMethod.GET, "/api/webauthn/**"))
				.hasAuthority(read)
				.requestMatchers(paths.matcher(HttpMethod.POST, API), paths.matcher(HttpMethod.PUT, API),
						paths.matcher(HttpMethod.PATCH, API), paths.matcher(HttpMethod.DELETE, API)).hasAuthority(write)
				.anyRequest().authenticated())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> {
					response.setHeader("WWW-Authenticate", "Bearer");
					messages.problem(request, response, HttpStatus.UNAUTHORIZED, "problem.authentication-required");
				})
				.accessDeniedHandler((request, response, ex) -> {
					response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
					messages.problem(request, response, HttpStatus.FORBIDDEN, "problem.insufficient-scope");
				}));
		cors(http, cors);
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnMissingBean(name = "gatehouseApiFilterChain")
	public SecurityFilterChain gatehouseApiFilterChain(HttpSecurity http, GatehouseProperties properties,
			RevocableRememberMeServices rememberMe,
			RestCsrfTokenRepository csrfTokens, RestCsrfTokens restCsrfTokens, RestCsrfRequestMatcher requiresCsrf,
			AllowedHosts allowedHosts, ApiCors cors, RequestMessages messages, ObjectProvider<MfaPolicy> mfaPolicy)
			throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		CsrfProblemHandler csrfProblems = new CsrfProblemHandler(csrfTokens, properties.getCsrf().getHeaderName(),
				messages);
		http.securityMatcher(paths.matcher(API))
			.headers(headers -> headers.disable())
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers(paths.matcher("/api/admin/**")).access(adminRole(mfaPolicy))
				.requestMatchers(paths.matcher("/api/me/**"), paths.matcher("/api/sessions/**"),
						paths.matcher("/api/tokens/**"), paths.matcher("/api/change-password"),
						paths.matcher("/api/account/email")).authenticated()
				.requestMatchers(paths.matcher("/api/webauthn/credentials/**"),
						paths.matcher("/api/webauthn/registration/**")).authenticated()
				.anyRequest().permitAll())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) ->
					messages.problem(request, response, HttpStatus.UNAUTHORIZED, "problem.authentication-required"))
				.accessDeniedHandler(csrfProblems));
		if (properties.getCsrf().isRestEnabled()) {
			http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.requireCsrfProtectionMatcher(requiresCsrf)
				// the header must equal the cookie: no per-request masking (that is for forms)
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
				.addFilterBefore(new CrossSiteRequestFilter(allowedHosts, cors.origins(), requiresCsrf), CsrfFilter.class);
		}
		else {
			http.csrf(csrf -> csrf.disable());
		}
		if (properties.getRememberMe().isEnabled()) {
			http.rememberMe(remember -> remember.rememberMeServices(rememberMe));
			if (properties.getCsrf().isRestEnabled()) {
				http.addFilterAfter(new RememberMeLoginCsrfFilter(restCsrfTokens, requiresCsrf, csrfProblems),
						RememberMeAuthenticationFilter.class);
			}
		}
		cors(http, cors);
		return http.build();
	}

	/** The admin role; with multi-factor authentication on, also the second factor its policy requires. */
	private static AuthorizationManager<RequestAuthorizationContext> adminRole(ObjectProvider<MfaPolicy> mfaPolicy) {
		MfaPolicy policy = mfaPolicy.getIfAvailable();
		return policy != null ? policy.hasRole("admin") : AuthorityAuthorizationManager.hasRole("admin");
	}

	private static void cors(HttpSecurity http, ApiCors cors) throws Exception {
		if (cors.enabled()) {
			http.cors(c -> c.configurationSource(cors.source()));
		}
		else {
			http.cors(c -> c.disable());
		}
	}

	/**
	 * The remember-me cookie logs a browser in as the session cookie does, so it takes the session
	 * cookie's SameSite (Lax by default: a link from a mail finds the user signed in; a cross-site
	 * request can only reach GET, and every unsafe request needs a CSRF token besides).
	 */
	@Bean
	public RevocableRememberMeServices gatehouseRememberMeServices(GatehouseProperties properties,
			SecretKeys secretKeys, Signers signers, AccountUserDetailsService users, RememberMeTokenStore tokens,
			RememberMeTheft theft, Clock clock, ObjectProvider<LoginCompletion> loginCompletion) {
		String key = java.util.HexFormat.of().formatHex(secretKeys.derive("remember-me-authentication", 32));
		GatehouseProperties.RememberMe rememberMe = properties.getRememberMe();
		RevocableRememberMeServices services = new RevocableRememberMeServices(key, users, tokens,
				signers.signer("remember-me-cookie"), new RevocableRememberMeServices.Settings(rememberMe.getDuration(),
						rememberMe.getRotationGrace(), SessionCookies.secure(properties),
						properties.getSession().getCookie().getSameSite()),
				theft, clock);
		services.setCookieName(SessionCookies.rememberMeName(properties));
		services.setLoginCompletion(loginCompletion.getIfAvailable(() -> LoginCompletion.NONE));
		return services;
	}

	/**
	 * Spring Security observes every filter of every request and every authorization decision when an observation
	 * registry is present (Actuator), which cost about a fifth of an authenticated API request's CPU; logins stay
	 * observed. An application that wants the per-request traces declares its own settings bean.
	 */
	@Bean
	@ConditionalOnMissingBean
	static SecurityObservationSettings gatehouseSecurityObservationSettings() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
			.shouldObserveAuthorizations(false).build();
	}
}
