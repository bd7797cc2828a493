package org.gatehouse.mfa;

import org.gatehouse.account.SecondFactorCheck;
import org.gatehouse.account.User;

/**
 * Re-authentication with a typed code: any enrolled factor the user types (the app, or a recovery code) answers. An
 * account whose only factor is a security key re-authenticates by password alone (see docs/mfa.md). Wrong codes
 * count as {@link SecondFactorFailures}, as in the second step of a login.
 */
class MfaSecondFactorCheck implements SecondFactorCheck {

	private final SecondFactors factors;
	private final SecondFactorFailures failures;

	MfaSecondFactorCheck(SecondFactors factors, SecondFactorFailures failures) {
		this.factors = factors;
		this.failures = failures;
	}

	@Override
	public boolean hasSecondFactor(long userId) {
		return factors.enrolled(userId).stream().anyMatch(SecondFactor::typed);
	}

	@Override
	public Answer verify(User user, String code, String remoteAddr) {
		if (code == null || code.isBlank()) {
			return Answer.MISSING;
		}
		if (failures.locked(user, remoteAddr)) {
			return Answer.LOCKED;
		}
		boolean right = code.length() <= 64 && factors.enrolled(user.id()).stream().filter(SecondFactor::typed)
			.anyMatch(factor -> factor.verify(user.id(), code));
		if (right) {
			failures.succeeded(user);
			return Answer.RIGHT;
		}
		failures.failed(user, MfaAccount.REAUTHENTICATION, remoteAddr);
		return Answer.WRONG;
	}
}
