package org.gatehouse.mfa;

/** Where the second step and the factors' pages and endpoints are. */
public final class MfaPaths {

	/** The second step of a login: a code from the app or a recovery code. */
	public static final String SECOND_STEP = "/login/second-factor/";
	/** Enrolment a role requires, before the login completes. */
	public static final String REQUIRED_ENROLMENT = "/login/second-factor/enrol/";
	/** The signed-in user's own second factors. */
	public static final String ACCOUNT = "/account/mfa/";
	public static final String ACCOUNT_TOTP = "/account/mfa/totp/";
	public static final String API_SECOND_STEP = "/api/login/second-factor";
	/** Options for navigator.credentials.get naming the pending user's security keys. */
	public static final String API_SECURITY_KEY_OPTIONS = API_SECOND_STEP + "/webauthn/options";
	public static final String API = "/api/mfa";

	private MfaPaths() {
	}
}
