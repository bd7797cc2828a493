package org.gatehouse.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 to requests whose Host header (or trusted X-Forwarded-Host, already applied by
 * {@link ProxyHeadersFilter}) is not an allowed host, before any application code runs.
 * Protects password-reset links and redirects from Host header poisoning.
 */
class AllowedHostsFilter extends OncePerRequestFilter {

	static final String MESSAGE = "Bad Request: host not allowed";

	private final AllowedHosts allowedHosts;

	public AllowedHostsFilter(AllowedHosts allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!allowedHosts.isAllowed(request.getHeader("Host"))) {
			ProblemResponses.plainText(response, HttpServletResponse.SC_BAD_REQUEST, MESSAGE);
			return;
		}
		chain.doFilter(request, response);
	}
}
