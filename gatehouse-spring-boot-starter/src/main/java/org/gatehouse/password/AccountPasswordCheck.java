package org.gatehouse.password;

import java.util.Optional;

import org.gatehouse.throttle.LoginThrottle;
import org.gatehouse.account.PasswordCheck;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every check of an account's password, at login and wherever a signed-in user types it again
 * (change password, admin re-authentication): one counter and one lock per account, one
 * constant-cost verification, the hash upgrade when it is due.
 * <p>
 * The account's counters are keyed by its email address when the login finds an account (so its
 * username, its email in another case or with surrounding spaces all count alike) and by the typed
 * login's normal form when it finds none. A login that finds no password mirrors the legacy hashes of
 * the population by that key ({@link LegacyHashSample}).
 */
public class AccountPasswordCheck implements PasswordCheck {

	private static final Logger log = LoggerFactory.getLogger(AccountPasswordCheck.class);

	private final UserStore users;
	private final PasswordService passwords;
	private final LoginThrottle throttle;
	private final LegacyHashSample legacyHashes;

	public AccountPasswordCheck(UserStore users, PasswordService passwords, LoginThrottle throttle,
			LegacyHashSample legacyHashes) {
		this.users = users;
		this.passwords = passwords;
		this.throttle = throttle;
		this.legacyHashes = legacyHashes;
	}

	/** A login attempt: the address's locks and reCAPTCHA apply as well as the account's. Inactive accounts never match. */
	@Override
	public Outcome login(Optional<User> found, String login, String password, String remoteAddr) {
		String key = throttleLogin(found, login);
		if (!throttle.admit(key, remoteAddr)) {
			passwords.verifyNobody(password);
			return Outcome.LOCKED;
		}
		Outcome outcome = check(found.orElse(null), key, password, remoteAddr, found.map(User::active).orElse(false));
		if (outcome.matches()) {
			passwords.loggedIn(found.get(), password);
		}
		return outcome;
	}

	/** The login whose counters an attempt uses: the account's email address, or the typed login when none is found. */
	public static String throttleLogin(Optional<User> found, String typed) {
		return found.map(User::email).orElse(typed);
	}

	/** A signed-in user typing their password again: the account's lock applies, failures count as failed logins. */
	@Override
	public Outcome confirm(User user, String password, String remoteAddr) {
		if (throttle.accountLocked(user.email())) {
			passwords.verifyNobody(password);
			return Outcome.LOCKED;
		}
		return check(user, user.email(), password, remoteAddr, true);
	}

	private Outcome check(User user, String key, String password, String remoteAddr, boolean mayMatch) {
		String hash = user == null ? null : user.passwordHash();
		PasswordService.Check check = hash == null ? passwords.checkNobody(password, legacyHashes.pick(key))
				: passwords.check(password, hash);
		if (!check.matches() || !mayMatch) {
			throttle.failed(key, remoteAddr);
			return Outcome.WRONG;
		}
		throttle.succeeded(key);
		if (check.upgradedHash() != null) {
			upgrade(user, check.upgradedHash());
		}
		return Outcome.MATCH;
	}

	private void upgrade(User user, String upgradedHash) {
		try {
			if (users.replacePasswordHashIfUnchanged(user.id(), user.passwordHash(), upgradedHash)) {
				log.info("Upgraded the password hash of user {}", user.id());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not upgrade the password hash of user {}: {}", user.id(), ex.toString());
		}
	}
}
