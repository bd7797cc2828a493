package org.gatehouse.login.external;

/** The URLs of external sign-in. Spring Security's own: /oauth2/authorization/NAME starts, /login/oauth2/code/NAME returns. */
final class ExternalLoginPaths {

	/** Choice page for an identity linked to no account: create one, or prove an existing one. */
	static final String PENDING = "/login/external/";
	/** The user's Accounts page: linked identities, link, unlink. */
	static final String ACCOUNTS = "/account/settings/accounts/";
	static final String AUTHORIZATION = "/oauth2/authorization/";
	/** Where a provider posts its back-channel logout token: Spring Security's default path, then the provider's name. */
	static final String BACK_CHANNEL_LOGOUT = "/logout/connect/back-channel/";

	private ExternalLoginPaths() {
	}
}
