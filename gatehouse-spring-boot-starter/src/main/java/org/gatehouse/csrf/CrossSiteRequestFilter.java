package org.gatehouse.csrf;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.http.AllowedHosts;
import org.gatehouse.http.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks that run before the token comparison on unsafe API requests: a browser-declared
 * {@code Sec-Fetch-Site: cross-site} is refused, and over HTTPS a cookie-carrying request
 * must name an allowed origin in Origin (or, without Origin, in Referer), as Django does.
 * Origins on the CORS allow-list pass both checks.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

	public static final String CROSS_SITE = "cross-site request";
	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final AllowedHosts allowedHosts;
	private final Set<String> corsOrigins;
	private final RequestMatcher requiresCsrf;

	public CrossSiteRequestFilter(AllowedHosts allowedHosts, Set<String> corsOrigins, RequestMatcher requiresCsrf) {
		this.allowedHosts = allowedHosts;
		this.corsOrigins = corsOrigins;
		this.requiresCsrf = requiresCsrf;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String refusal = SAFE_METHODS.contains(request.getMethod()) ? null : refusal(request);
		if (refusal != null) {
			ProblemResponses.write(response, HttpStatus.FORBIDDEN, refusal);
			return;
		}
		chain.doFilter(request, response);
	}

	private String refusal(HttpServletRequest request) {
		String origin = request.getHeader("Origin");
		boolean corsOrigin = origin != null
				&& (corsOrigins.contains("*") || corsOrigins.contains(origin.toLowerCase(Locale.ROOT)));
		if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site")) && !corsOrigin) {
			return CROSS_SITE;
		}
		if (!request.isSecure() || !requiresCsrf.matches(request) || corsOrigin) {
			return null;
		}
		if (origin != null) {
			return trustedHttps(origin) ? null : "Origin not allowed";
		}
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return "Referer missing";
		}
		return trustedHttps(referer) ? null : "Referer not allowed";
	}

	private boolean trustedHttps(String url) {
		try {
			URI uri = URI.create(url);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getRawAuthority() != null
					&& allowedHosts.isAllowed(uri.getRawAuthority());
		}
		catch (IllegalArgumentException malformed) {
			return false;
		}
	}
}
