package org.gatehouse.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.SafeRedirects;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/** Records the login, then goes to "next" when it is a safe target, else to the post-login page. */
public class LoginSuccessHandler implements AuthenticationSuccessHandler {

	private final LoginRecorder recorder;
	private final SafeRedirects redirects;
	private final GatehouseProperties properties;

	public LoginSuccessHandler(LoginRecorder recorder, SafeRedirects redirects, GatehouseProperties properties) {
		this.recorder = recorder;
		this.redirects = redirects;
		this.properties = properties;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
			recorder.loggedIn(principal, request);
		}
		String target = redirects.safeTarget(request.getParameter("next"), request,
				properties.getUrls().getPostLogin());
		response.sendRedirect(target);
	}
}
