package org.gatehouse.passwordless;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.LoginThrottledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A refused code: the code form again (status 400) with one error, "wrong or expired code" or "too many attempts".
 * A refused link: status 400 and "this link is invalid, expired or already used". Both are rendered by
 * {@link PasswordlessController}, which gets the POST as a GET of its page.
 */
class LoginLinkFailureHandler implements AuthenticationFailureHandler {

	static final String THROTTLED = LoginLinkFailureHandler.class.getName() + ".throttled";
	static final String CODE_REFUSED = LoginLinkFailureHandler.class.getName() + ".code";

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		if (!LoginLinkAuthenticationConverter.isCode(request)) {
			request.getRequestDispatcher(PasswordlessPaths.LINK).forward(new PageRequest(request), response);
			return;
		}
		request.setAttribute(exception instanceof LoginThrottledException ? THROTTLED : CODE_REFUSED, Boolean.TRUE);
		request.getRequestDispatcher(PasswordlessPaths.CODE).forward(new PageRequest(request), response);
	}

	/** The POST seen as a GET of the page, so its controller renders it. */
	private static final class PageRequest extends HttpServletRequestWrapper {

		PageRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}
	}
}
