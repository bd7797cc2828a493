package org.gatehouse.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;

/**
 * A password login from application code (the JSON API), made exactly as the login form's filter
 * makes it: through Spring Security's AuthenticationManager, so authentication events fire and are
 * audited, with the request's details, so the throttle counts the client's address (after the
 * proxies rule) rather than none.
 */
public class PasswordLogin {

	private final AuthenticationConfiguration configuration;
	private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

	public PasswordLogin(AuthenticationConfiguration configuration) {
		this.configuration = configuration;
	}

	/** The authenticated user, or an AuthenticationException saying why not. */
	public Authentication authenticate(String login, String password, HttpServletRequest request) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(login,
				password);
		attempt.setDetails(details.buildDetails(request));
		return manager().authenticate(attempt);
	}

	private AuthenticationManager manager() {
		try {
			return configuration.getAuthenticationManager();
		}
		catch (Exception ex) {
			throw new IllegalStateException("No AuthenticationManager", ex);
		}
	}
}
