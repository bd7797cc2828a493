package org.gatehouse.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

/** Back to the login page with one generic error (or "confirm your email", only after a correct password). */
public class LoginFailureHandler implements AuthenticationFailureHandler {

	private final GatehouseProperties properties;

	public LoginFailureHandler(GatehouseProperties properties) {
		this.properties = properties;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof MalformedLoginException) {
			// a 400 with the form and its error, as for any other malformed form
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			request.setAttribute(LoginController.MALFORMED_LOGIN, Boolean.TRUE);
			request.getRequestDispatcher(properties.getUrls().getLogin()).forward(new FormPageRequest(request),
					response);
			return;
		}
		String reason = exception instanceof UnconfirmedAccountException ? "unconfirmed"
				: exception instanceof LoginThrottledException ? "throttled" : "error";
		UriComponentsBuilder target = UriComponentsBuilder.fromPath(properties.getUrls().getLogin())
			.queryParam(reason, "");
		String next = request.getParameter("next");
		if (next != null && !next.isBlank() && next.length() < 2048) {
			target.queryParam("next", "{next}");
			response.sendRedirect(target.encode().buildAndExpand(next).toUriString());
			return;
		}
		response.sendRedirect(target.build().toUriString());
	}

	/** The login form's POST seen as a GET of the form page, so the page's controller renders it. */
	private static final class FormPageRequest extends HttpServletRequestWrapper {

		FormPageRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}
	}
}
