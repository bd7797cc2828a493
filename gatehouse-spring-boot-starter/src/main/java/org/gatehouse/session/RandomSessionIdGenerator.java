package org.gatehouse.session;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.session.SessionIdGenerator;

/** 216 random bits, base64url: exactly 36 characters, the width of Spring Session's CHAR(36) id column (a shorter id would come back space-padded). */
class RandomSessionIdGenerator implements SessionIdGenerator {

	private final SecureRandom random = new SecureRandom();

	@Override
	public String generate() {
		byte[] bytes = new byte[27];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
