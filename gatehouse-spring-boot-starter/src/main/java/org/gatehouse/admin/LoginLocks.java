package org.gatehouse.admin;

import org.gatehouse.account.User;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.throttle.LoginThrottle;
import org.springframework.context.ApplicationEventPublisher;

/** Ends an account's login lock (too many failed logins), for the admin pages, the admin API and the command line. */
public class LoginLocks {

	private final LoginThrottle throttle;
	private final ApplicationEventPublisher events;

	public LoginLocks(LoginThrottle throttle, ApplicationEventPublisher events) {
		this.throttle = throttle;
		this.events = events;
	}

	/**
	 * An account's lock is kept under its email whatever spelling was used to log in; the username's
	 * key is cleared too, for a lock counted under it by an earlier version.
	 *
	 * @param actorId the administrator, or null from the command line
	 */
	public void unlock(Long actorId, User user) {
		throttle.unlock(user.email());
		if (user.username() != null) {
			throttle.unlock(user.username());
		}
		events.publishEvent(new SecurityEvent(SecurityEventType.USER_UNLOCKED, actorId, user.id(), null));
	}
}
