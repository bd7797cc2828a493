package org.gatehouse.mfa;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One kind of second factor, as a bean: the second step offers every kind a user has enrolled and completes the
 * login with the first one whose answer is right. TOTP and recovery codes are Gatehouse's; a security key plugs
 * in as another bean (see docs/mfa.md).
 */
public interface SecondFactor {

	/** The short name in forms and the JSON API: {@code totp}, {@code recovery-code}, {@code webauthn}. */
	String id();

	/**
	 * The authority the completed login carries, in Spring Security's factor form ({@code FACTOR_TOTP});
	 * multi-factor rules read it.
	 */
	String authority();

	boolean isEnrolled(long userId);

	/**
	 * Checks the user's answer and uses it up: a right answer is accepted once. Wrong answers are counted by the
	 * caller (the login throttle), not here.
	 */
	boolean verify(long userId, String answer);

	/** {@link #verify(long, String)} for a factor whose answer is bound to this request's session (a challenge). */
	default boolean verify(long userId, String answer, HttpServletRequest request) {
		return verify(userId, answer);
	}

	/**
	 * What the browser needs to answer (a security key's challenge, JSON), kept in the session; empty for a factor
	 * the user types.
	 */
	default Optional<String> challenge(long userId, HttpServletRequest request) {
		return Optional.empty();
	}

	/** Whether the user types the answer (a code): re-authentication with a typed code asks only such factors. */
	default boolean typed() {
		return true;
	}

	/** The longest answer worth checking; longer ones are refused unread. */
	default int maxAnswerLength() {
		return 64;
	}

	/**
	 * Removes what the user has of this factor (an administrator's reset); whether there was something. Gatehouse's
	 * own factors are removed by {@link MfaAccount#reset}.
	 */
	default boolean removeAll(long userId) {
		return false;
	}
}
