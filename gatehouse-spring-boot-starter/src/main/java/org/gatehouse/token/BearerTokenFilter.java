package org.gatehouse.token;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.http.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code Authorization: Bearer} token alone. The rest of the
 * request sees no HTTP session, so a session cookie sent along (stolen or simply present)
 * can neither authenticate it nor be acted upon (logout, session revocation, password change).
 */
public class BearerTokenFilter extends OncePerRequestFilter {

	/** Matches the requests this filter is for; the Bearer filter chain is selected by it. */
	public static final RequestMatcher BEARER_REQUEST = request -> bearerValue(request) != null;

	private static final String SCHEME = "bearer ";

	private final PersonalAccessTokens tokens;
	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	public BearerTokenFilter(PersonalAccessTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<ApiTokenAuthentication> authentication = tokens.authenticate(bearerValue(request));
		if (authentication.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Invalid, expired or revoked token");
			return;
		}
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(authentication.get());
		contexts.setContext(context);
		chain.doFilter(new SessionlessRequest(request), response);
	}

	static String bearerValue(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || header.length() <= SCHEME.length()
				|| !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
			return null;
		}
		return header.substring(SCHEME.length()).strip();
	}

	/** Hides the cookie's session from everything after the token check. */
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
