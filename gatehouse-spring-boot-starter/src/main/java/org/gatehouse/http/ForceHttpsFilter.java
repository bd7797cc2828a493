package org.gatehouse.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Moves plain-HTTP traffic to HTTPS when {@code gatehouse.http.force-https} is on (default:
 * on in production). GET and HEAD are redirected permanently to the same URL on the default
 * HTTPS port; other methods get 400, since redirecting would resend their body in the clear.
 * Runs after {@link AllowedHostsFilter}, so the redirect only ever points at an allowed host.
 */
public class ForceHttpsFilter extends OncePerRequestFilter {

	static final String MESSAGE = "Bad Request: HTTPS required";

	private final ExternalUrls externalUrls;

	public ForceHttpsFilter(ExternalUrls externalUrls) {
		this.externalUrls = externalUrls;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.isSecure()) {
			chain.doFilter(request, response);
			return;
		}
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			ErrorResponses.plainText(response, HttpServletResponse.SC_BAD_REQUEST, MESSAGE);
			return;
		}
		String query = request.getQueryString();
		response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
		response.setHeader("Location", externalUrls.httpsBaseUrl(request) + request.getRequestURI()
				+ (query == null ? "" : "?" + query));
	}
}
