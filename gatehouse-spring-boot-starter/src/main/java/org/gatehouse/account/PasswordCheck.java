package org.gatehouse.account;

import java.util.Optional;

/**
 * How login and re-authentication check an account's password. The password package implements it
 * ({@code AccountPasswordCheck}: hashing, the per-account lock, hash upgrades), so that login stays
 * below the features that build on it.
 */
public interface PasswordCheck {

	enum Outcome {
		MATCH, WRONG, LOCKED;

		public boolean matches() {
			return this == MATCH;
		}
	}

	/** A login attempt for the account found by the typed login, if any. Inactive accounts never match. */
	Outcome login(Optional<User> found, String login, String password, String remoteAddr);

	/** A signed-in user typing their password again. */
	Outcome confirm(User user, String password, String remoteAddr);
}
