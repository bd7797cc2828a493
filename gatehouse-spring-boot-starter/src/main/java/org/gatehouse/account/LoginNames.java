package org.gatehouse.account;

import java.util.Locale;

/**
 * The one normal form of a login (an email address or a username), used wherever a typed login is
 * compared: the user lookup and the uniqueness keys behind it, the login throttle's counters and the
 * audit log's subject. Two spellings that find the same row therefore count as the same login.
 * Surrounding white space is dropped and case is folded; a login with a control character in it
 * is not a login at all (refused with a 400 before anything is looked up or counted).
 */
public final class LoginNames {

	private LoginNames() {
	}

	/** The normal form; "" for null. Callers refuse {@link #isMalformed} logins first. */
	public static String normalise(String login) {
		return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
	}

	/** True when the login contains a control character (C0, DEL or C1), wherever it is. */
	public static boolean isMalformed(String login) {
		return login != null && login.chars().anyMatch(Character::isISOControl);
	}
}
