package org.gatehouse.session;


import org.gatehouse.crypto.Sha256;

/** The public reference of a session: SHA-256 of its id, useless for hijacking. */
public final class SessionIdHash {

	private SessionIdHash() {
	}

	public static String of(String sessionId) {
		return Sha256.hex(sessionId);
	}
}
