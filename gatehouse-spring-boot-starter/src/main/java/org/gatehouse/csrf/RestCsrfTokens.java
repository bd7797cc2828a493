package org.gatehouse.csrf;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.security.web.csrf.CsrfToken;

/** What API controllers do with the CSRF cookie: hand it out, renew it with the session, clear it. */
public class RestCsrfTokens {

	private final RestCsrfTokenRepository repository;
	private final boolean enabled;

	public RestCsrfTokens(RestCsrfTokenRepository repository, GatehouseProperties properties) {
		this.repository = repository;
		this.enabled = properties.getCsrf().isRestEnabled();
	}

	/** The request's valid token, setting the cookie if there was none; null outside the cookie API chain. */
	public String current(HttpServletRequest request) {
		Object token = request.getAttribute(CsrfToken.class.getName());
		return token instanceof CsrfToken csrf ? csrf.getToken() : null;
	}

	/** A token for the session the request has now (after login or a session id change). */
	public String renew(HttpServletRequest request, HttpServletResponse response) {
		if (!enabled || request.getAttribute(CsrfToken.class.getName()) == null) {
			return null;
		}
		CsrfToken token = repository.generateToken(request);
		repository.saveToken(token, request, response);
		request.setAttribute(CsrfToken.class.getName(), token);
		request.setAttribute(token.getParameterName(), token);
		return token.getToken();
	}

	public void clear(HttpServletRequest request, HttpServletResponse response) {
		if (enabled) {
			repository.saveToken(null, request, response);
		}
	}
}
