package org.gatehouse.account;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.session.UserSessions;
import org.gatehouse.token.PersonalAccessTokens;
import org.springframework.stereotype.Service;

/** After a password change, reset or ban: every other session and every remember-me login ends. */
@Service
public class CredentialRevocation {

	private final UserSessions sessions;
	private final RememberMeTokenStore rememberMe;
	private final PersonalAccessTokens tokens;
	private final GatehouseProperties properties;

	public CredentialRevocation(UserSessions sessions, RememberMeTokenStore rememberMe, PersonalAccessTokens tokens,
			GatehouseProperties properties) {
		this.sessions = sessions;
		this.rememberMe = rememberMe;
		this.tokens = tokens;
		this.properties = properties;
	}

	/** @param keepSessionId the session to keep (the user's own on change password), or null */
	public int revokeAll(long userId, String keepSessionId) {
		rememberMe.deleteAllFor(userId);
		return sessions.revokeAllExcept(userId, keepSessionId);
	}

	/**
	 * A reset by email is how an account is taken back from whoever had it, and whoever had it may
	 * have created personal access tokens: all of them are revoked along with every login.
	 */
	public void afterReset(long userId) {
		revokeAll(userId, null);
		tokens.revokeAllFor(userId);
	}

	/**
	 * A voluntary change keeps the caller's session; personal access tokens are revoked too unless
	 * gatehouse.api.revoke-tokens-on-password-change is false (scripts then keep working).
	 */
	public void afterPasswordChange(long userId, String keepSessionId) {
		revokeAll(userId, keepSessionId);
		if (properties.getApi().isRevokeTokensOnPasswordChange()) {
			tokens.revokeAllFor(userId);
		}
	}
}
