package org.gatehouse.csrf;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after the remember-me login of the API chain. Spring's CSRF filter checked the token
 * before that login, against the session the request had then: none, and a token bound to
 * "no session" can be had by anyone. A token is valid only for the session it was issued to,
 * so an unsafe request that the remember-me cookie logged in is refused; every such login gets
 * a new token bound to its new session, which the client sends on its next request.
 */
public class RememberMeLoginCsrfFilter extends OncePerRequestFilter {

	/** Set on the request by the remember-me services when its cookie logged the request in. */
	public static final String LOGGED_IN_ATTRIBUTE = RememberMeLoginCsrfFilter.class.getName() + ".rememberMeLogin";

	private final RestCsrfTokens tokens;
	private final RequestMatcher requiresCsrf;
	private final AccessDeniedHandler denied;

	public RememberMeLoginCsrfFilter(RestCsrfTokens tokens, RequestMatcher requiresCsrf, AccessDeniedHandler denied) {
		this.tokens = tokens;
		this.requiresCsrf = requiresCsrf;
		this.denied = denied;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(LOGGED_IN_ATTRIBUTE) != null) {
			tokens.renew(request, response);
			if (requiresCsrf.matches(request)) {
				denied.handle(request, response,
						new CsrfException("The CSRF token was issued before this remember-me login"));
				return;
			}
		}
		chain.doFilter(request, response);
	}
}
