package org.gatehouse.audit;

/** What a security log entry records; stored by name, so names never change. */
public enum SecurityEventType {
	LOGIN_SUCCESS,
	LOGIN_FAILURE,
	LOGOUT,
	REGISTRATION,
	CONFIRMATION,
	PASSWORD_CHANGE,
	PASSWORD_RESET,
	SESSION_REVOKED,
	ROLE_ADDED,
	ROLE_REMOVED,
	USER_BANNED,
	USER_UNBANNED,
	USER_INVITED,
	INVITATION_ACCEPTED,
	CONFIRMATION_RESENT,
	REAUTHENTICATION_FAILED,
	FIRST_ADMIN_CREATED,
	USER_IMPORTED,
	USER_UNLOCKED,
	/** A replaced remember-me token was used again: the cookie was copied; every login of the user ended. */
	REMEMBER_ME_THEFT,
	/** A login's password was found in the breach corpus (gatehouse.passwords.breached.check-at-login): it must be changed. */
	BREACHED_PASSWORD_AT_LOGIN,
	/** A change of email address was asked for; details "old -> new". */
	EMAIL_CHANGE_REQUESTED,
	/** The email address changed: its link was opened, or an administrator changed it; details "old -> new". */
	EMAIL_CHANGED,
	/** The revert link sent to the old address was opened: address restored, every login ended. */
	EMAIL_CHANGE_REVERTED,
	/** A sign-in link and code were mailed to the account's address (passwordless sign-in). */
	LOGIN_LINK_SENT,
	/** A security key or passkey was added to the account (details: its name). */
	SECURITY_KEY_ADDED,
	/** A security key or passkey was removed from the account (details: its name). */
	SECURITY_KEY_REMOVED,
	/** An identity at an external provider (ORCID, GitHub, an OpenID Connect provider) was linked to the account. */
	EXTERNAL_IDENTITY_LINKED,
	/** An external identity was unlinked from the account; its stored provider tokens were deleted with it. */
	EXTERNAL_IDENTITY_UNLINKED,
	/** A second factor was set up (details: which). */
	SECOND_FACTOR_ENROLLED,
	/** The user removed a second factor (details: which). */
	SECOND_FACTOR_REMOVED,
	/** A wrong second-factor answer at login (details: which factor). */
	SECOND_FACTOR_FAILURE,
	RECOVERY_CODE_USED,
	RECOVERY_CODES_GENERATED,
	/** An administrator or the command line removed every second factor of the user. */
	SECOND_FACTORS_RESET,
	/** A sign-in the user had in the system Gatehouse replaced (Invenio), kept as history by the migration. */
	IMPORTED_SESSION,
	/** An OpenID Connect client was registered (details: its name). */
	OIDC_CLIENT_CREATED,
	/** An OpenID Connect client was deleted with its tokens (details: its name). */
	OIDC_CLIENT_DELETED,
	/** The OpenID Connect signing key was replaced (details: the new key id). */
	OIDC_KEY_ROTATED,
	/** A replaced refresh token was presented again: the authorization and all its tokens were revoked. */
	OIDC_REFRESH_TOKEN_REUSED,
	/** A user's OpenID Connect tokens were revoked and relying parties told (session revoked, ban, password reset). */
	OIDC_TOKENS_REVOKED,
	/** An administrator changed an OpenID Connect client (details: its name and the change, e.g. skip-consent=true). */
	OIDC_CLIENT_UPDATED,
	/** An external provider's back-channel logout ended the sessions its sign-in had started (details: the provider). */
	EXTERNAL_SIGNED_OUT,
}
