package org.gatehouse.account;

/**
 * Re-authentication's second half: when the account has a second factor, confirming the password alone is not
 * enough for a privileged action. The mfa package implements it; without it re-authentication is the password.
 */
public interface SecondFactorCheck {

	boolean hasSecondFactor(long userId);

	/** What a typed code did. */
	enum Answer {
		RIGHT, WRONG,
		/** No code was typed: not counted as a wrong one. */
		MISSING,
		/** Too many wrong codes lately: refused whatever was typed. */
		LOCKED
	}

	/** Checks a code of one of the user's factors, and uses it up; wrong codes count against the user and address. */
	Answer verify(User user, String code, String remoteAddr);
}
