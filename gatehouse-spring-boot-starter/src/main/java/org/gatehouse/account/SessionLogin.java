package org.gatehouse.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** Logs a user in from application code (after registration), with a fresh session id. */
public class SessionLogin {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
	private final LoginRecorder recorder;

	public SessionLogin(LoginRecorder recorder) {
		this.recorder = recorder;
	}

	public void login(User user, HttpServletRequest request, HttpServletResponse response) {
		AccountPrincipal principal = AccountPrincipal.of(user);
		login(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()), request,
				response);
	}

	/** Signs in an authentication made elsewhere (a completed multi-factor login), as {@link #login(User, HttpServletRequest, HttpServletResponse)} does. */
	public void login(Authentication auth, HttpServletRequest request, HttpServletResponse response) {
		AccountPrincipal principal = (AccountPrincipal) auth.getPrincipal();
		renewSessionId(request);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		recorder.loggedIn(principal, request);
	}

	/** Rotates the session id after a privilege change (login, password change). */
	public static void renewSessionId(HttpServletRequest request) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
	}
}
