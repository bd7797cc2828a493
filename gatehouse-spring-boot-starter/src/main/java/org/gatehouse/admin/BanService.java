package org.gatehouse.admin;

import org.gatehouse.account.CredentialRevocation;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Deactivating (banning) and reactivating users. */
@Service
public class BanService {

	private final UserStore users;
	private final CredentialRevocation revocation;
	private final ApplicationEventPublisher events;

	public BanService(UserStore users, CredentialRevocation revocation, ApplicationEventPublisher events) {
		this.users = users;
		this.revocation = revocation;
		this.events = events;
	}

	/**
	 * No more logins; every session and remember-me login ends now. This is the one place
	 * that ends a banned user's credentials: API token revocation belongs here too.
	 *
	 * @param adminId the administrator, or null from the command line
	 * @return the number of sessions ended
	 */
	public int ban(Long adminId, long userId) {
		users.setActive(userId, false);
		int sessions = revocation.revokeAll(userId, null);
		events.publishEvent(new SecurityEvent(SecurityEventType.USER_BANNED, adminId, userId,
				sessions + " session(s) ended"));
		return sessions;
	}

	public void unban(Long adminId, long userId) {
		users.setActive(userId, true);
		events.publishEvent(new SecurityEvent(SecurityEventType.USER_UNBANNED, adminId, userId, null));
	}
}
