package org.gatehouse.passwordless;

/**
 * What a sign-in with a link or code presents besides the token itself: the principal of Spring Security's
 * unauthenticated {@code OneTimeTokenAuthenticationToken}, read by {@link LoginLinkTokenService#consume}.
 *
 * @param email the address typed with a code; null for a link
 * @param browserHash the hash of the presenting browser's nonce (see {@link BrowserBinding}), or null
 * @param otherDeviceConfirmed the user confirmed signing in on a browser other than the one that asked
 */
record LoginLinkAttempt(String email, String browserHash, boolean otherDeviceConfirmed) {

	boolean isCode() {
		return email != null;
	}

	/** The name failure events carry: the typed address, never the token. */
	@Override
	public String toString() {
		return email == null ? "" : email;
	}
}
