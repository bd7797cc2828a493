package org.gatehouse.breach;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.ApiRequests;
import org.gatehouse.http.RequestMessages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the session carries {@link PasswordChangeRequired}, a signed-in user reaches only the change-password
 * page and endpoint, logging out, the CSRF token and static assets: other pages redirect to the change-password
 * page (which then says why), other API calls answer 403 with a problem saying why. Runs after Spring Security's
 * filter chain, which has put the session's login in place.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String PAGE_ATTRIBUTE = "passwordChangeRequired";
	static final String MESSAGE = "password.breached.change-required";

	private final GatehouseProperties properties;
	private final RequestMessages messages;

	PasswordChangeRequiredFilter(GatehouseProperties properties, RequestMessages messages) {
		this.properties = properties;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication login = SecurityContextHolder.getContext().getAuthentication();
		if (login == null || !PasswordChangeRequired.isRequired(request, login.getPrincipal())) {
			chain.doFilter(request, response);
			return;
		}
		if (allowed(request)) {
			request.setAttribute(PAGE_ATTRIBUTE, Boolean.TRUE);
			chain.doFilter(request, response);
		}
		else if (ApiRequests.isApi(request)) {
			messages.problem(request, response, HttpStatus.FORBIDDEN, MESSAGE);
		}
		else {
			response.sendRedirect(request.getContextPath() + properties.getUrls().getChangePassword());
		}
	}

	private boolean allowed(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		GatehouseProperties.Urls urls = properties.getUrls();
		return List.of(urls.getChangePassword(), urls.getLogout(), "/api/change-password", "/api/logout", "/api/csrf",
				"/error").contains(path) || path.startsWith("/gatehouse/");
	}
}
