package org.gatehouse.token;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.http.RequestMessages;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security's {@link AuthenticationFilter} for {@code Authorization: Bearer} tokens: the
 * {@link BearerTokenConverter} reads the token, an {@link ApiTokenAuthenticationProvider} in the
 * chain's own manager verifies it, and the manager publishes the authentication events. A bad
 * token is a 401 problem with {@code WWW-Authenticate: Bearer error="invalid_token"}.
 * The request, from this filter on, has no HTTP session, so a session cookie sent along (stolen or
 * simply present) can neither authenticate it nor be acted upon (logout, session revocation,
 * password change).
 */
public class BearerTokenFilter extends AuthenticationFilter {

	/** Matches the requests this filter is for; the Bearer filter chain is selected by it. */
	public static final RequestMatcher BEARER_REQUEST = request -> BearerTokenConverter.bearerValue(request) != null;

	public BearerTokenFilter(PersonalAccessTokens tokens, AuthenticationEventPublisher events, RequestMessages messages) {
		this(tokens, List.of(), events, messages);
	}

	public BearerTokenFilter(PersonalAccessTokens tokens, List<BearerTokenVerifier> verifiers,
			AuthenticationEventPublisher events, RequestMessages messages) {
		super(manager(tokens, verifiers, events), new BearerTokenConverter());
		setSuccessHandler((request, response, authentication) -> {
			// the request goes on, authenticated by the token
		});
		setFailureHandler((request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			messages.problem(request, response, HttpStatus.UNAUTHORIZED, "problem.invalid-token");
		});
	}

	private static ProviderManager manager(PersonalAccessTokens tokens, List<BearerTokenVerifier> verifiers,
			AuthenticationEventPublisher events) {
		// only tokens: a bad token must not be tried as a password
		ProviderManager manager = new ProviderManager(new ApiTokenAuthenticationProvider(tokens, verifiers));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		super.doFilterInternal(new SessionlessRequest(request), response, chain);
	}

	/** Hides the cookie's session from the token check and everything after it. */
	static final class SessionlessRequest extends HttpServletRequestWrapper {

		SessionlessRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public HttpSession getSession(boolean create) {
			if (create) {
				throw new IllegalStateException("Token-authenticated requests have no session");
			}
			return null;
		}

		@Override
		public HttpSession getSession() {
			return getSession(true);
		}

		@Override
		public String getRequestedSessionId() {
			return null;
		}

		@Override
		public boolean isRequestedSessionIdValid() {
			return false;
		}

		@Override
		public String changeSessionId() {
			throw new IllegalStateException("Token-authenticated requests have no session");
		}
	}
}
