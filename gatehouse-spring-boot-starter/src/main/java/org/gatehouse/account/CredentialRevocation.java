package org.gatehouse.account;

import org.gatehouse.session.UserSessions;
import org.gatehouse.password.PasswordReplacedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** After a password change, reset or ban: every other session and every remember-me login ends. */
@Service
public class CredentialRevocation {

	private final UserSessions sessions;
	private final RememberMeTokenStore rememberMe;
	private final ApplicationEventPublisher events;

	public CredentialRevocation(UserSessions sessions, RememberMeTokenStore rememberMe,
			ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.rememberMe = rememberMe;
		this.events = events;
	}

	/** @param keepSessionId the session to keep (the user's own on change password), or null */
	public int revokeAll(long userId, String keepSessionId) {
		rememberMe.deleteAllFor(userId);
		return sessions.revokeAllExcept(userId, keepSessionId);
	}

	/**
	 * A reset by email is how an account is taken back from whoever had it: every login ends, and
	 * the personal access tokens whoever had it may have created are revoked (on the event).
	 */
	public void afterReset(long userId) {
		revokeAll(userId, null);
		events.publishEvent(new PasswordReplacedEvent(userId, true));
	}

	/**
	 * A voluntary change keeps the caller's session; personal access tokens are revoked too (on the
	 * event) unless gatehouse.api.revoke-tokens-on-password-change is false.
	 */
	public void afterPasswordChange(long userId, String keepSessionId) {
		revokeAll(userId, keepSessionId);
		events.publishEvent(new PasswordReplacedEvent(userId, false));
	}
}
