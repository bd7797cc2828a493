package org.gatehouse.breach;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.event.EventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The session's mark "this user signed in with a breached password and must change it first": set at the
 * login (the session id then rotates, the mark moves with it), read by {@link PasswordChangeRequiredFilter},
 * and removed when the password is changed in this session. The mark names the user, so it never applies to
 * another account signed in later in the same session.
 */
public class PasswordChangeRequired {

	static final String ATTRIBUTE = PasswordChangeRequired.class.getName();

	/** Marks the current request's session (creating it: the login is about to store itself there). */
	static void mark(long userId) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			attributes.getRequest().getSession(true).setAttribute(ATTRIBUTE, userId);
		}
	}

	/** Whether the signed-in {@code principal} of this request's session must change the password first. */
	static boolean isRequired(HttpServletRequest request, Object principal) {
		HttpSession session = request.getSession(false);
		Object marked = session == null ? null : session.getAttribute(ATTRIBUTE);
		return marked instanceof Long userId && principal instanceof AccountPrincipal account
				&& account.id() == userId;
	}

	/** A password change in this request ends the requirement (every other session has ended with it). */
	@EventListener
	void passwordChanged(SecurityEvent event) {
		if (event.type() == SecurityEventType.PASSWORD_CHANGE
				&& RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
		}
	}
}
