package org.gatehouse.oidc;

import java.util.List;
import java.util.Set;

/** The scopes Gatehouse grants: OpenID Connect's, its roles claim, and the personal-token scopes of its own /api. */
final class OidcScopes {

	static final String OPENID = "openid";
	static final String PROFILE = "profile";
	static final String EMAIL = "email";
	static final String ROLES = "roles";
	/** Read the account through Gatehouse's /api (as a personal access token's user:read). */
	static final String USER_READ = "user:read";
	/** Change the account through Gatehouse's /api (as a personal access token's user:write). */
	static final String USER_WRITE = "user:write";

	static final Set<String> SUPPORTED = Set.of(OPENID, PROFILE, EMAIL, ROLES, USER_READ, USER_WRITE);
	static final List<String> DEFAULT = List.of(OPENID, PROFILE, EMAIL);

	private OidcScopes() {
	}
}
