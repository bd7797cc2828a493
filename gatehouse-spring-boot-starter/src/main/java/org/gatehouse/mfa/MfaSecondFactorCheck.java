package org.gatehouse.mfa;

import org.gatehouse.account.SecondFactorCheck;

/** Re-authentication with a factor: any enrolled one (the app, or a recovery code) answers. */
class MfaSecondFactorCheck implements SecondFactorCheck {

	private final SecondFactors factors;

	MfaSecondFactorCheck(SecondFactors factors) {
		this.factors = factors;
	}

	@Override
	public boolean hasSecondFactor(long userId) {
		return !factors.enrolled(userId).isEmpty();
	}

	@Override
	public boolean verify(long userId, String code) {
		return code != null && code.length() <= 64
				&& factors.enrolled(userId).stream().anyMatch(factor -> factor.verify(userId, code));
	}
}
