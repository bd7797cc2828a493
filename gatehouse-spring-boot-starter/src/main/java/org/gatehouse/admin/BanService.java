package org.gatehouse.admin;

import org.gatehouse.account.CredentialRevocation;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.token.PersonalAccessTokens;
import org.springframework.context.ApplicationEventPublisher;

/** Deactivating (banning) and reactivating users. */
public class BanService {

	private final UserStore users;
	private final CredentialRevocation revocation;
	private final PersonalAccessTokens tokens;
	private final ApplicationEventPublisher events;

	public BanService(UserStore users, CredentialRevocation revocation, PersonalAccessTokens tokens,
			ApplicationEventPublisher events) {
		this.users = users;
		this.revocation = revocation;
		this.tokens = tokens;
		this.events = events;
	}

	/**
	 * No more logins; every session, remember-me login and personal access token ends now.
	 *
	 * @param adminId the administrator, or null from the command line
	 * @return the number of sessions ended
	 */
	public int ban(Long adminId, long userId) {
		users.setActive(userId, false);
		int sessions = revocation.revokeAll(userId, null);
		int revokedTokens = tokens.revokeAllFor(userId);
		events.publishEvent(new SecurityEvent(SecurityEventType.USER_BANNED, adminId, userId,
				sessions + " session(s) and " + revokedTokens + " token(s) ended"));
		return sessions;
	}

	public void unban(Long adminId, long userId) {
		users.setActive(userId, true);
		events.publishEvent(new SecurityEvent(SecurityEventType.USER_UNBANNED, adminId, userId, null));
	}
}
