package org.gatehouse.csrf;

import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.SessionCookies;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which API requests need a CSRF token: unsafe methods that carry one of Gatehouse's cookies
 * (session, remember-me, CSRF). Without them the browser adds no ambient credentials, so
 * scripts and curl can call anonymous endpoints such as /api/register without a token.
 */
public class RestCsrfRequestMatcher implements RequestMatcher {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final Set<String> cookieNames;

	public RestCsrfRequestMatcher(GatehouseProperties properties) {
		this.cookieNames = Set.of(SessionCookies.name(properties), SessionCookies.rememberMeName(properties),
				SessionCookies.csrfName(properties));
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		return !SAFE_METHODS.contains(request.getMethod()) && carriesGatehouseCookie(request);
	}

	private boolean carriesGatehouseCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie cookie : cookies) {
			if (cookieNames.contains(cookie.getName())) {
				return true;
			}
		}
		return false;
	}
}
