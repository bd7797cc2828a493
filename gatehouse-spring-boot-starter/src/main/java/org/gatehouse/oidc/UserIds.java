package org.gatehouse.oidc;

/** An authorization's principal name is the user id (AccountPrincipal's name); a client's own grant has none. */
final class UserIds {

	private UserIds() {
	}

	static Long of(String principalName) {
		try {
			return Long.valueOf(principalName);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
