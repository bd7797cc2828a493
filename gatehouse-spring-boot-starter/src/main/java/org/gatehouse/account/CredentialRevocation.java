package org.gatehouse.account;

import org.gatehouse.session.UserSessions;
import org.springframework.stereotype.Service;

/** After a password change, reset or ban: every other session and every remember-me login ends. */
@Service
public class CredentialRevocation {

	private final UserSessions sessions;
	private final RememberMeTokenStore rememberMe;

	public CredentialRevocation(UserSessions sessions, RememberMeTokenStore rememberMe) {
		this.sessions = sessions;
		this.rememberMe = rememberMe;
	}

	/** @param keepSessionId the session to keep (the user's own on change password), or null */
	public int revokeAll(long userId, String keepSessionId) {
		rememberMe.deleteAllFor(userId);
		return sessions.revokeAllExcept(userId, keepSessionId);
	}
}
