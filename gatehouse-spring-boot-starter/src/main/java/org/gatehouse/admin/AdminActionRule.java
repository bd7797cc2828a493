package org.gatehouse.admin;

import org.gatehouse.account.Reauthentication;
import org.gatehouse.token.ApiTokenAuthentication;
import org.gatehouse.token.TokenScope;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The rule for administrative actions that grant or take privilege, applied by the actions
 * themselves so pages and the JSON API cannot differ: the current session re-authenticated
 * recently, or the request carries an admin-scoped personal access token (itself created with a
 * recent password, so the token is the credential).
 */
public class AdminActionRule {

	private final Reauthentication reauthentication;

	AdminActionRule(Reauthentication reauthentication) {
		this.reauthentication = reauthentication;
	}

	public void require() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication token
				&& token.scopes().contains(TokenScope.ADMIN)) {
			return;
		}
		reauthentication.requireRecentPassword("problem.reauthentication-required", AdminApiController.REAUTHENTICATE,
				reauthentication.timeout().toMinutes());
	}
}
