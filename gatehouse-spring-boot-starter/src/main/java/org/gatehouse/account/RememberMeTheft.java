package org.gatehouse.account;

import org.gatehouse.mail.AccountMailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A remember-me token came back after it had been replaced: two browsers hold copies of one
 * cookie, and one of them is not the owner's. Which one cannot be told, so both are signed
 * out: every session and every remember-me login of the user ends, the security log records
 * it and the user gets a mail telling them to sign in again and change their password.
 */
public class RememberMeTheft {

	private static final Logger log = LoggerFactory.getLogger(RememberMeTheft.class);

	private final RememberMeTokenStore rememberMe;
	private final SessionRevocation sessions;
	private final UserStore users;
	private final AccountMailer mailer;
	private final ApplicationEventPublisher events;

	public RememberMeTheft(RememberMeTokenStore rememberMe, SessionRevocation sessions, UserStore users,
			AccountMailer mailer, ApplicationEventPublisher events) {
		this.rememberMe = rememberMe;
		this.sessions = sessions;
		this.users = users;
		this.mailer = mailer;
		this.events = events;
	}

	/**
	 * The remember-me logins go first: they are what would log the thief straight back in. If the
	 * session store fails after that, the failure is logged and the caller still refuses the login.
	 */
	public void detected(long userId) {
		rememberMe.deleteAllFor(userId);
		int ended = -1;
		try {
			ended = sessions.revokeAll(userId);
		}
		catch (RuntimeException ex) {
			log.error("Remember-me theft for user {}: remember-me logins ended, sessions could not be: {}", userId,
					ex.toString());
		}
		events.publishEvent(new RememberMeTheftEvent(userId,
				ended < 0 ? "sessions could not be ended" : "sessions ended: " + ended));
		users.findById(userId).ifPresent(user -> mailer.send(user.email(), "remember-me-theft-notice", null));
	}
}
