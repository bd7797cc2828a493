package org.gatehouse.emailchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** The principal kept in the current request's session, when it is the given user's. */
final class SessionPrincipal {

	private SessionPrincipal() {
	}

	/** The session keeps the principal it logged in with; after a change of address it shows the new one. */
	static void refresh(HttpServletRequest request, User user) {
		HttpSession session = request.getSession(false);
		if (session == null || !isOf(user.id())) {
			return;
		}
		AccountPrincipal principal = AccountPrincipal.of(user);
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		updated.setDetails(current.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(updated);
		SecurityContextHolder.setContext(context);
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
	}

	/**
	 * Ends this request's session too when it is the user's: the store has revoked it, and the end of the
	 * request must not write it back.
	 */
	static void endIfOf(HttpServletRequest request, long userId) {
		if (!isOf(userId)) {
			return;
		}
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	private static boolean isOf(long userId) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		return current != null && current.getPrincipal() instanceof AccountPrincipal principal && principal.id() == userId;
	}
}
