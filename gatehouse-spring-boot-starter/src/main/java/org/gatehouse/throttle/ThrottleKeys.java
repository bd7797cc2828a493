package org.gatehouse.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.gatehouse.account.LoginNames;

/**
 * Counter keys. Logins and email addresses are normalised by the login lookup's own function
 * ({@link LoginNames#normalise}) and hashed: the store never holds addresses, and keys have one size.
 */
final class ThrottleKeys {

	private ThrottleKeys() {
	}

	static String hash(String login) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(LoginNames.normalise(login).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** For log lines: enough to recognise a login, not enough to publish it. */
	static String truncated(String login) {
		String value = LoginNames.normalise(login);
		return value.length() <= 3 ? value + "…" : value.substring(0, 3) + "…";
	}
}
