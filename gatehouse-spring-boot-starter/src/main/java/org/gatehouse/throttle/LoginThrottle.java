package org.gatehouse.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gatehouse.account.RecaptchaVerifier;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Failed-login throttling per account (existing or not: keyed by the normalised login; callers pass
 * an existing account's email address, so that every spelling that finds it counts alike) and
 * per client address. An account is locked after account-max-failures consecutive failures,
 * each lock twice as long as the previous one up to account-max-lock, and at the latest
 * when it reaches account-max-failures-per-hour. An address is locked after ip-max-failures
 * failures, or when ip-max-distinct-logins different logins fail from it (credential
 * stuffing; with reCAPTCHA configured the address must then solve it instead).
 */
public class LoginThrottle {

	public enum Verdict { OPEN, LOCKED, RECAPTCHA }

	private static final Duration HOUR = Duration.ofHours(1);
	static final String RECAPTCHA_PARAMETER = "g-recaptcha-response";

	private final AttemptCounters counters;
	private final GatehouseProperties.Throttle config;
	private final RecaptchaVerifier recaptcha;
	private final ThrottleEvents events;
	private final Clock clock;

	public LoginThrottle(AttemptCounters counters, GatehouseProperties properties, RecaptchaVerifier recaptcha,
			ThrottleEvents events, Clock clock) {
		this.counters = counters;
		this.config = properties.getThrottle();
		this.recaptcha = recaptcha;
		this.events = events;
		this.clock = clock;
	}

	/** Whether a login attempt may have its password verified; solves reCAPTCHA when the address needs it. */
	public boolean admit(String login, String remoteAddr) {
		Verdict verdict = verdict(login, remoteAddr);
		if (verdict == Verdict.RECAPTCHA && recaptcha.verify(recaptchaToken(), remoteAddr)) {
			return true;
		}
		if (verdict != Verdict.OPEN) {
			events.rejected("login");
			return false;
		}
		return true;
	}

	/** The key of a login's account counters: its normal form, hashed. */
	public static String accountKey(String login) {
		return Account.of(login).hash();
	}

	public Verdict verdict(String login, String remoteAddr) {
		if (!config.isEnabled()) {
			return Verdict.OPEN;
		}
		Account account = Account.of(login);
		Address address = Address.of(remoteAddr);
		if (lockedNow(account.until()) || lockedNow(address.until())) {
			return Verdict.LOCKED;
		}
		return addressStuffing(address) ? (recaptcha.enabled() ? Verdict.RECAPTCHA : Verdict.LOCKED) : Verdict.OPEN;
	}

	/**
	 * Whether the account (or unknown login) is locked now, whatever the address: for password checks
	 * of a signed-in user (change password, re-authentication), which share the account's lock with login.
	 */
	public boolean accountLocked(String login) {
		return config.isEnabled() && lockedNow(Account.of(login).until());
	}

	/** True when the client's address must solve reCAPTCHA to log in. */
	public boolean recaptchaRequired(String remoteAddr) {
		return config.isEnabled() && recaptcha.enabled() && addressStuffing(Address.of(remoteAddr));
	}

	public void failed(String login, String remoteAddr) {
		if (!config.isEnabled()) {
			return;
		}
		accountFailed(login, Account.of(login));
		addressFailed(Address.of(remoteAddr), Account.of(login));
	}

	/** A correct password: the account's failures and lock level are forgotten, the address's are not. */
	public void succeeded(String login) {
		unlock(login);
	}

	/** Ends an account's lock and forgets its failures (for administrators). */
	public void unlock(String login) {
		Account account = Account.of(login);
		counters.delete(List.of(account.until(), account.streak(), account.hourly(), account.level()));
	}

	/** Ends an address's lock and forgets its failures (for administrators). */
	public void unlockAddress(String remoteAddr) {
		Address address = Address.of(remoteAddr);
		counters.delete(List.of(address.until(), address.failures(), address.logins(), address.stuffing()));
	}

	private void accountFailed(String login, Account account) {
		Count hourly = counters.increment(account.hourly(), HOUR);
		if (hourly.value() >= config.getAccountMaxFailuresPerHour()) {
			lock(account.until(), hourly.remaining());
			events.accountLocked(login, hourly.remaining(), hourly.value() + " failures within an hour");
			return;
		}
		Count streak = counters.increment(account.streak(), HOUR);
		if (streak.value() >= config.getAccountMaxFailures()) {
			long level = counters.increment(account.level(), config.getAccountLockMemory()).value();
			Duration lock = lockDuration(level);
			lock(account.until(), lock);
			counters.delete(List.of(account.streak()));
			events.accountLocked(login, lock, streak.value() + " failures, lock number " + level);
		}
	}

	private void addressFailed(Address address, Account account) {
		Duration window = config.getIpWindow();
		Count failures = counters.increment(address.failures(), window);
		if (failures.value() >= config.getIpMaxFailures()) {
			lock(address.until(), config.getIpLock());
			counters.delete(List.of(address.failures()));
			events.addressLocked(address.network(), config.getIpLock(), failures.value() + " failed logins");
		}
		long distinct = counters.addDistinct(address.logins(), account.hash(), window);
		if (distinct >= config.getIpMaxDistinctLogins() && !addressStuffing(address)) {
			lock(address.stuffing(), window);
			events.addressLocked(address.network(), window, distinct + " different logins failed"
					+ (recaptcha.enabled() ? ", reCAPTCHA required" : ""));
		}
	}

	/** account-lock doubled for every lock after the first, at most account-max-lock. */
	Duration lockDuration(long level) {
		Duration max = config.getAccountMaxLock();
		if (level > 40) {
			return max;
		}
		Duration lock = config.getAccountLock().multipliedBy(1L << Math.max(0, level - 1));
		return lock.compareTo(max) > 0 ? max : lock;
	}

	private void lock(String key, Duration duration) {
		counters.put(key, clock.instant().plus(duration).toEpochMilli(), duration);
	}

	private boolean lockedNow(String key) {
		return counters.get(key).stream().anyMatch(until -> Instant.ofEpochMilli(until).isAfter(clock.instant()));
	}

	private boolean addressStuffing(Address address) {
		return lockedNow(address.stuffing());
	}

	private static String recaptchaToken() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getParameter(RECAPTCHA_PARAMETER) : null;
	}

	private record Account(String hash) {
		static Account of(String login) {
			return new Account(ThrottleKeys.hash(login));
		}

		String until() { return "login:" + hash + ":until"; }
		String streak() { return "login:" + hash + ":streak"; }
		String hourly() { return "login:" + hash + ":hour"; }
		String level() { return "login:" + hash + ":level"; }
	}

	private record Address(String network) {
		static Address of(String remoteAddr) {
			return new Address(ClientNetwork.of(remoteAddr));
		}

		String until() { return "ip:" + network + ":until"; }
		String failures() { return "ip:" + network + ":failures"; }
		String logins() { return "ip:" + network + ":logins"; }
		String stuffing() { return "ip:" + network + ":stuffing"; }
	}
}
