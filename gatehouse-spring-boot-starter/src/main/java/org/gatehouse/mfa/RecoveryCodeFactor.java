package org.gatehouse.mfa;

import java.time.Clock;

import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.account.UserStore;
import org.gatehouse.mail.AccountMailer;
import org.springframework.context.ApplicationEventPublisher;

/** A recovery code: single use, audited and mailed to the user when used. */
public class RecoveryCodeFactor implements SecondFactor {

	public static final String ID = "recovery-code";
	public static final String AUTHORITY = "FACTOR_RECOVERY_CODE";

	private final MfaStore store;
	private final UserStore users;
	private final AccountMailer mailer;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	public RecoveryCodeFactor(MfaStore store, UserStore users, AccountMailer mailer, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.users = users;
		this.mailer = mailer;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String authority() {
		return AUTHORITY;
	}

	@Override
	public boolean isEnrolled(long userId) {
		return store.unusedRecoveryCodes(userId) > 0;
	}

	@Override
	public boolean verify(long userId, String answer) {
		if (answer == null || !store.useRecoveryCode(userId, RecoveryCodes.hash(answer), clock.instant())) {
			return false;
		}
		int left = store.unusedRecoveryCodes(userId);
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.RECOVERY_CODE_USED, userId, left + " left"));
		users.findById(userId).ifPresent(user -> mailer.send(user.email(), "mfa-recovery-code-used", null,
				Integer.toString(left)));
		return true;
	}
}
