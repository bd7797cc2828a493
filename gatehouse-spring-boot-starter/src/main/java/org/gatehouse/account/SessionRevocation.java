package org.gatehouse.account;

/**
 * Ends an account's live sessions, at once (the next request of a revoked session is anonymous).
 * The session package implements it ({@code UserSessions}); the account features call it after a
 * password change or reset, a ban, a role removal and a remember-me theft.
 */
public interface SessionRevocation {

	/** Ends every session of the user but the kept one (null: all), with their remember-me logins; returns how many ended. */
	int revokeAllExcept(long userId, String keepSessionId);

	default int revokeAll(long userId) {
		return revokeAllExcept(userId, null);
	}
}
