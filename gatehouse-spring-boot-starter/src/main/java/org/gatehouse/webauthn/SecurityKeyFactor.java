package org.gatehouse.webauthn;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.mfa.SecondFactor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * A security key or passkey as the second step after the password: the challenge names only the pending user's
 * keys, the answer is the browser's assertion (JSON) checked by {@link SecurityKeyVerification}.
 */
class SecurityKeyFactor implements SecondFactor {

	static final String ID = "webauthn";
	/** An assertion with its signature and client data, base64url: a few kilobytes at most. */
	private static final int MAX_ASSERTION = 16 * 1024;

	private final SecurityKeyVerification keys;
	private final JdbcWebAuthnCredentials credentials;

	SecurityKeyFactor(SecurityKeyVerification keys, JdbcWebAuthnCredentials credentials) {
		this.keys = keys;
		this.credentials = credentials;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String authority() {
		return FactorGrantedAuthority.WEBAUTHN_AUTHORITY;
	}

	@Override
	public boolean isEnrolled(long userId) {
		return keys.hasSecurityKey(userId);
	}

	/** Without the session that asked for the challenge there is nothing to check against. */
	@Override
	public boolean verify(long userId, String answer) {
		return false;
	}

	@Override
	public boolean verify(long userId, String answer, HttpServletRequest request) {
		try {
			keys.verify(userId, answer, request);
			return true;
		}
		catch (AuthenticationException refused) {
			return false;
		}
	}

	@Override
	public Optional<String> challenge(long userId, HttpServletRequest request) {
		return Optional.of(keys.options(userId, request));
	}

	@Override
	public boolean typed() {
		return false;
	}

	@Override
	public int maxAnswerLength() {
		return MAX_ASSERTION;
	}

	@Override
	public boolean removeAll(long userId) {
		return credentials.deleteAll(userId);
	}
}
