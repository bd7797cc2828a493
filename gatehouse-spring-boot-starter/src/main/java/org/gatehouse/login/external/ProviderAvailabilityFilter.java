package org.gatehouse.login.external;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of Spring Security's redirect to a provider, which answers 500 for a name it does not know or a provider
 * whose discovery fails: an unknown provider is a 404, one out of reach a 503.
 */
class ProviderAvailabilityFilter extends OncePerRequestFilter {

	private final ExternalProviders providers;

	ProviderAvailabilityFilter(ExternalProviders providers) {
		this.providers = providers;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + ExternalLoginPaths.AUTHORIZATION);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String name = request.getRequestURI()
			.substring(request.getContextPath().length() + ExternalLoginPaths.AUTHORIZATION.length());
		if (!providers.exists(name)) {
			response.sendError(HttpStatus.NOT_FOUND.value());
			return;
		}
		try {
			providers.findByRegistrationId(name);
		}
		catch (ProviderUnavailableException ex) {
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			return;
		}
		chain.doFilter(request, response);
	}
}
