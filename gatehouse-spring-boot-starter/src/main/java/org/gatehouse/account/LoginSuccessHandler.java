package org.gatehouse.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.SafeRedirects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Records the login, then goes to "next" when it is a safe target, else to the post-login page; or, when
 * the account needs another step ({@link LoginCompletion}), takes the login back out of the session and
 * goes to that step.
 */
public class LoginSuccessHandler implements AuthenticationSuccessHandler {

	private final LoginRecorder recorder;
	private final SafeRedirects redirects;
	private final GatehouseProperties properties;
	private final ObjectProvider<LoginCompletion> completion;
	private final ObjectProvider<RevocableRememberMeServices> rememberMe;

	public LoginSuccessHandler(LoginRecorder recorder, SafeRedirects redirects, GatehouseProperties properties,
			ObjectProvider<LoginCompletion> completion, ObjectProvider<RevocableRememberMeServices> rememberMe) {
		this.rememberMe = rememberMe;
		this.recorder = recorder;
		this.redirects = redirects;
		this.properties = properties;
		this.completion = completion;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		LoginCompletion steps = completion.getIfAvailable(() -> LoginCompletion.NONE);
		if (steps.needsAnotherStep(authentication)) {
			// the login filter stored the context before calling here: the session must not keep it
			SecurityContextHolder.clearContext();
			new HttpSessionSecurityContextRepository().saveContext(SecurityContextHolder.createEmptyContext(), request,
					response);
			// as the JSON login does: remembered after the second step only when remember-me is on and was asked for
			RevocableRememberMeServices services = rememberMe.getIfAvailable();
			boolean remember = properties.getRememberMe().isEnabled() && services != null && services.requested(request);
			String next = redirects.safeTarget(request.getParameter("next"), request, null);
			response.sendRedirect(request.getContextPath()
					+ steps.defer(authentication, remember, next, request).page());
			return;
		}
		if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
			recorder.loggedIn(principal, request);
		}
		String target = redirects.safeTarget(request.getParameter("next"), request,
				properties.getUrls().getPostLogin());
		response.sendRedirect(target);
	}
}
