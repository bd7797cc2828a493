package org.gatehouse.http;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;


import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wraps every request in a {@link ProxiedRequest} when {@code gatehouse.http.proxies > 0}, so
 * everything downstream (host checks, HTTPS enforcement, Spring Security, logging) sees the
 * client's address, scheme and host. Runs on error and async dispatches too: the container
 * dispatches those with its own, unwrapped request.
 */
class ProxyHeadersFilter extends OncePerRequestFilter {

	private final int proxies;

	public ProxyHeadersFilter(HttpProperties properties) {
		this.proxies = properties.getProxies();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (proxies <= 0) {
			chain.doFilter(request, response);
			return;
		}
		ClientConnection direct = new ClientConnection(request.getRemoteAddr(), request.getScheme(), request.getHeader("Host"));
		ClientConnection client = ForwardedHeaders.resolve(proxies, direct, values(request, "X-Forwarded-For"),
				values(request, "X-Forwarded-Proto"), values(request, "X-Forwarded-Host"));
		chain.doFilter(new ProxiedRequest(request, client), response);
	}

	private static List<String> values(HttpServletRequest request, String header) {
		return Collections.list(request.getHeaders(header));
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}
}
