package org.gatehouse.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.token.ApiTokenAuthentication;
import org.gatehouse.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The JSON counterpart of {@link ReauthenticationInterceptor}: a {@link RequiresReauthentication}
 * action from a cookie session without a fresh password answers 403 problem+json. A request
 * with an admin-scoped personal access token passes: the token is the credential.
 */
class ApiReauthenticationInterceptor implements HandlerInterceptor {

	private final Reauthentication reauthentication;

	ApiReauthenticationInterceptor(Reauthentication reauthentication) {
		this.reauthentication = reauthentication;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(RequiresReauthentication.class)
				|| SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication
				|| reauthentication.isFresh(request.getSession(false))) {
			return true;
		}
		ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Re-authentication required: confirm your password "
				+ "with POST " + AdminApiController.REAUTHENTICATE + " (valid for "
				+ reauthentication.timeout().toMinutes() + " minutes), then repeat the request.");
		return false;
	}
}
