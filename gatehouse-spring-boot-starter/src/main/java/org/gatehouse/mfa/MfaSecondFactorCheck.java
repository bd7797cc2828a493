package org.gatehouse.mfa;

import org.gatehouse.account.SecondFactorCheck;

/**
 * Re-authentication with a typed code: any enrolled factor the user types (the app, or a recovery code) answers. An
 * account whose only factor is a security key re-authenticates by password alone (see docs/mfa.md).
 */
class MfaSecondFactorCheck implements SecondFactorCheck {

	private final SecondFactors factors;

	MfaSecondFactorCheck(SecondFactors factors) {
		this.factors = factors;
	}

	@Override
	public boolean hasSecondFactor(long userId) {
		return factors.enrolled(userId).stream().anyMatch(SecondFactor::typed);
	}

	@Override
	public boolean verify(long userId, String code) {
		return code != null && code.length() <= 64
				&& factors.enrolled(userId).stream().filter(SecondFactor::typed)
					.anyMatch(factor -> factor.verify(userId, code));
	}
}
