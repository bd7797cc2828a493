package org.gatehouse.emailchange;

/** The URLs of the change of email address. The links are outside /account/: they work without being signed in. */
final class EmailChangePaths {

	static final String FORM = "/account/settings/email/";
	static final String CONFIRM = "/change-email/confirm/";
	static final String REVERT = "/change-email/revert/";
	static final String API = "/api/account/email";
	static final String API_CONFIRM = API + "/confirm";
	static final String API_REVERT = API + "/revert";
	static final String ADMIN_PAGE = "/admin/users/{id}/email";
	static final String ADMIN_API = "/api/admin/users/{id}/email";

	private EmailChangePaths() {
	}
}
