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
	/** An identity at an external provider (ORCID, GitHub, an OpenID Connect provider) was linked to the account. */
	EXTERNAL_IDENTITY_LINKED,
	/** An external identity was unlinked from the account; its stored provider tokens were deleted with it. */
	EXTERNAL_IDENTITY_UNLINKED
}
