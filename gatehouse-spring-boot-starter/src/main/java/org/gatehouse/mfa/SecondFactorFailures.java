package org.gatehouse.mfa;

import java.time.Duration;
import java.util.List;

import org.gatehouse.account.User;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.throttle.AttemptCounters;
import org.gatehouse.throttle.LoginThrottle;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Wrong second-factor answers, wherever they are typed (the second step of a login, re-authentication before a
 * privileged action): each counts in the login throttle like a wrong password, is audited, and counts in the
 * account's own tally of wrong answers. A right password does not clear that tally (it resets the throttle's count
 * of the account), so someone holding the password cannot go on guessing codes: at
 * gatehouse.throttle.account-max-failures wrong answers within an hour, answers are refused until a right one
 * clears it after the hour, or an administrator resets the factors.
 */
public class SecondFactorFailures {

	private static final Duration MEMORY = Duration.ofHours(1);

	private final LoginThrottle throttle;
	private final AttemptCounters counters;
	private final ApplicationEventPublisher events;
	private final int maxFailures;

	public SecondFactorFailures(LoginThrottle throttle, AttemptCounters counters, ApplicationEventPublisher events,
			GatehouseProperties gatehouse) {
		this.throttle = throttle;
		this.counters = counters;
		this.events = events;
		this.maxFailures = gatehouse.getThrottle().getAccountMaxFailures();
	}

	/** Whether answers from this user and address are refused now. */
	public boolean locked(User user, String remoteAddr) {
		return !throttle.admit(user.email(), remoteAddr) || counters.get(key(user.id())).orElse(0) >= maxFailures;
	}

	/** A wrong answer; {@code what} names the factor or the action in the security log. */
	public void failed(User user, String what, String remoteAddr) {
		throttle.failed(user.email(), remoteAddr);
		counters.increment(key(user.id()), MEMORY);
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.SECOND_FACTOR_FAILURE, user.id(), what));
	}

	public void succeeded(User user) {
		counters.delete(List.of(key(user.id())));
	}

	private static String key(long userId) {
		return "mfa:" + userId + ":failures";
	}
}
