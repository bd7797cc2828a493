package org.gatehouse.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Moves plain-HTTP traffic to HTTPS when {@code gatehouse.http.force-https} is on (default:
 * on in production). Page GET and HEAD requests are redirected permanently to the same URL on
 * the default HTTPS port; other methods get 400, since redirecting would resend their body in
 * the clear. API requests are refused with a problem document and never redirected: a client
 * that follows the redirect silently would go on sending its token or session cookie over plain
 * HTTP with every first request, and would never learn that it is misconfigured.
 * Runs after {@link AllowedHostsFilter}, so the redirect only ever points at an allowed host.
 */
class ForceHttpsFilter extends OncePerRequestFilter {

	static final String MESSAGE = "Bad Request: HTTPS required";

	private final ExternalUrls externalUrls;
	private final RequestMessages messages;

	public ForceHttpsFilter(ExternalUrls externalUrls, RequestMessages messages) {
		this.externalUrls = externalUrls;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.isSecure()) {
			chain.doFilter(request, response);
			return;
		}
		if (ApiRequests.isApi(request)) {
			messages.problem(request, response, HttpStatus.FORBIDDEN, "problem.https-required");
			return;
		}
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			ProblemResponses.plainText(response, HttpServletResponse.SC_BAD_REQUEST, MESSAGE);
			return;
		}
		String query = request.getQueryString();
		response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
		response.setHeader("Location", externalUrls.httpsBaseUrl(request) + request.getRequestURI()
				+ (query == null ? "" : "?" + query));
	}
}
