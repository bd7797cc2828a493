package org.gatehouse.passwordless;

import java.io.Serial;
import java.time.Instant;

import org.springframework.security.authentication.ott.OneTimeToken;

/** A link just issued: its token and code exist only here and in the mail; the database has their hashes. */
record IssuedLoginLink(String token, String code, long userId, Instant expiresAt) implements OneTimeToken {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public String getTokenValue() {
		return token;
	}

	@Override
	public String getUsername() {
		return Long.toString(userId);
	}

	@Override
	public Instant getExpiresAt() {
		return expiresAt;
	}
}
