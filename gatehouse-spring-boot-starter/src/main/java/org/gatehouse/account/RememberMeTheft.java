package org.gatehouse.account;

import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.mail.AccountMailer;
import org.gatehouse.session.UserSessions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A remember-me token came back after it had been replaced: two browsers hold copies of one
 * cookie, and one of them is not the owner's. Which one cannot be told, so both are signed
 * out: every session and every remember-me login of the user ends, the security log records
 * it and the user gets a mail telling them to sign in again and change their password.
 */
@Service
public class RememberMeTheft {

	private final UserSessions sessions;
	private final UserStore users;
	private final AccountMailer mailer;
	private final ApplicationEventPublisher events;

	public RememberMeTheft(UserSessions sessions, UserStore users, AccountMailer mailer,
			ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.users = users;
		this.mailer = mailer;
		this.events = events;
	}

	public void detected(long userId) {
		int ended = sessions.revokeAll(userId);
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.REMEMBER_ME_THEFT, userId,
				"sessions ended: " + ended));
		users.findById(userId).ifPresent(user -> mailer.send(user.email(), "remember-me-theft-notice", null));
	}
}
