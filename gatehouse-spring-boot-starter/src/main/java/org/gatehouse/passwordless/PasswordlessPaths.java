package org.gatehouse.passwordless;

/** The pages of passwordless sign-in. */
final class PasswordlessPaths {

	/** Asks for a link (GET: the form, POST: sends it). */
	static final String REQUEST = "/login/email/";
	/** The code form of the browser that asked. */
	static final String CODE = "/login/code/";
	/** Where mailed links point (GET with the token after it); POST signs in with a token or a code. */
	static final String LINK = "/login/link/";

	private PasswordlessPaths() {
	}
}
