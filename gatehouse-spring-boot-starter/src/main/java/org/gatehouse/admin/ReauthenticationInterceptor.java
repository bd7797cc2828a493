package org.gatehouse.admin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends {@link RequiresReauthentication} actions without a fresh password to the
 * re-authentication page, which returns to the page of the user acted on. The action is not
 * replayed: the admin submits it again.
 */
class ReauthenticationInterceptor implements HandlerInterceptor {

	private final Reauthentication reauthentication;

	ReauthenticationInterceptor(Reauthentication reauthentication) {
		this.reauthentication = reauthentication;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(RequiresReauthentication.class)
				|| reauthentication.isFresh(request.getSession(false))) {
			return true;
		}
		String next = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
				&& vars.get("id") instanceof String id && id.matches("\\d{1,19}") ? AdminPaths.user(Long.parseLong(id))
						: AdminPaths.USERS;
		response.sendRedirect(request.getContextPath() + UriComponentsBuilder.fromPath(AdminPaths.REAUTH)
			.queryParam("next", next).build().toUriString());
		return false;
	}
}
