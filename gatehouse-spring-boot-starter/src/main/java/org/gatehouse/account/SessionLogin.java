package org.gatehouse.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** Logs a user in from application code (after registration, a passkey), with a fresh session id. */
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

	/**
	 * Keeps an authentication the AuthenticationManager made (a sign-in link's code from the JSON API, a passkey, a completed multi-factor login) as this
	 * browser's login, with a fresh session id, recorded like every other login.
	 */
	public void login(Authentication authenticated, HttpServletRequest request, HttpServletResponse response) {
		renewSessionId(request);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authenticated);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		recorder.loggedIn((AccountPrincipal) authenticated.getPrincipal(), request);
	}

	/** Rotates the session id after a privilege change (login, password change). */
	public static void renewSessionId(HttpServletRequest request) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
	}
}
