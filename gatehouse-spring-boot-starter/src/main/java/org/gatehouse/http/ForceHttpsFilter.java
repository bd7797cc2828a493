package org.gatehouse.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
	static final String API_DETAIL = "HTTPS required: this API answers only over https://. The request was not "
			+ "processed; any token or session cookie it carried crossed the network unencrypted.";

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
		if (ApiRequests.isApi(request)) {
			ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", API_DETAIL);
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
