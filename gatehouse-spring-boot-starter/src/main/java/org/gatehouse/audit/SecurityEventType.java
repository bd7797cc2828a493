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
	/** An OpenID Connect client was registered (details: its name). */
	OIDC_CLIENT_CREATED,
	/** An OpenID Connect client was deleted with its tokens (details: its name). */
	OIDC_CLIENT_DELETED,
	/** The OpenID Connect signing key was replaced (details: the new key id). */
	OIDC_KEY_ROTATED,
	/** A replaced refresh token was presented again: the authorization and all its tokens were revoked. */
	OIDC_REFRESH_TOKEN_REUSED,
	/** A user's OpenID Connect tokens were revoked and relying parties told (session revoked, ban, password reset). */
	OIDC_TOKENS_REVOKED
}
