package org.gatehouse.breach;

import org.gatehouse.account.User;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.password.NewPasswordCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;

/**
 * Looks every new password up in the breach corpus ({@link CompromisedPasswordChecker}) and applies
 * gatehouse.passwords.breached.*: refuse or warn on a hit, accept or refuse when the corpus cannot be asked.
 * The settings are read at each check.
 */
public class BreachedPasswordCheck implements NewPasswordCheck {

	static final String REFUSED = "password.breached.refused";
	static final String NOTICE = "password.breached.notice";
	static final String UNAVAILABLE = "password.breached.unavailable";

	private static final Logger log = LoggerFactory.getLogger(BreachedPasswordCheck.class);

	private final CompromisedPasswordChecker corpus;
	private final BreachedPasswordsProperties properties;
	private final ApplicationEventPublisher events;

	public BreachedPasswordCheck(CompromisedPasswordChecker corpus, BreachedPasswordsProperties properties) {
		this(corpus, properties, event -> { });
	}

	public BreachedPasswordCheck(CompromisedPasswordChecker corpus, BreachedPasswordsProperties properties,
			ApplicationEventPublisher events) {
		this.corpus = corpus;
		this.properties = properties;
		this.events = events;
	}

	@Override
	public Remark check(String password) {
		Boolean breached = breached(password);
		if (breached == null) {
			return properties.isFailOpen() ? null : Remark.refusal(UNAVAILABLE,
					"The password cannot be checked against known data breaches right now. Please try again later.");
		}
		if (!breached) {
			return null;
		}
		return properties.getMode() == BreachedPasswordsProperties.Mode.WARN
				? Remark.notice(NOTICE, "This password appears in known data breaches. Please choose another one soon.")
				: Remark.refusal(REFUSED, "This password appears in known data breaches. Please choose another one.");
	}

	/**
	 * With check-at-login, a breached password must be changed before anything else in this session, in either
	 * mode. A corpus that cannot be asked never stops a login.
	 */
	@Override
	public void loggedIn(User user, String password) {
		if (properties.isCheckAtLogin() && Boolean.TRUE.equals(breached(password))) {
			PasswordChangeRequired.mark(user.id());
			events.publishEvent(SecurityEvent.byUser(SecurityEventType.BREACHED_PASSWORD_AT_LOGIN, user.id(), null));
		}
	}

	/** Whether the corpus has the password; null when it cannot be asked. */
	Boolean breached(String password) {
		try {
			return corpus.check(password).isCompromised();
		}
		catch (RuntimeException ex) {
			log.warn("Could not look a password up in the breach corpus ({}): {}",
					properties.isFailOpen() ? "fail-open, accepted" : "fail-closed, refused", ex.getMessage());
			return null;
		}
	}
}
