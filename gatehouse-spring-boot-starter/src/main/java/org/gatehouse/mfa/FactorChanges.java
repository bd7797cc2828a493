package org.gatehouse.mfa;

import org.gatehouse.account.SessionRevocation;
import org.gatehouse.account.User;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.mail.AccountMailer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What follows every change of a user's factors: the security log, a mail, the other sessions end and no browser
 * is remembered any more.
 */
public class FactorChanges {

	private final ObjectProvider<SessionRevocation> sessions;
	private final AccountMailer mailer;
	private final ApplicationEventPublisher events;
	private final RememberedBrowsers browsers;

	public FactorChanges(ObjectProvider<SessionRevocation> sessions, AccountMailer mailer, ApplicationEventPublisher events,
			RememberedBrowsers browsers) {
		this.browsers = browsers;
		this.sessions = sessions;
		this.mailer = mailer;
		this.events = events;
	}

	/** The user changed their own factors in the session {@code keepSessionId}. */
	public void changed(User user, SecurityEventType type, String factor, String keepSessionId) {
		events.publishEvent(SecurityEvent.byUser(type, user.id(), factor));
		sessions.ifAvailable(s -> s.revokeAllExcept(user.id(), keepSessionId));
		browsers.forgetAll(user.id());
		mailer.send(user.email(), "mfa-changed", null);
	}

	/** An administrator (null: the command line) removed the user's factors: every session of the user ends. */
	public void resetByAdmin(User user, Long adminId) {
		events.publishEvent(new SecurityEvent(SecurityEventType.SECOND_FACTORS_RESET, adminId, user.id(), null));
		sessions.ifAvailable(s -> s.revokeAll(user.id()));
		browsers.forgetAll(user.id());
		mailer.send(user.email(), "mfa-reset", null);
	}
}
