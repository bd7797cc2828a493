package org.gatehouse.token;

import org.gatehouse.account.PasswordReplacedEvent;
import org.springframework.context.event.EventListener;

/**
 * Whoever had the password may have created personal access tokens: a reset by email revokes all
 * of the user's tokens, a voluntary change too unless gatehouse.api.revoke-tokens-on-password-change
 * is false (the user's scripts then keep working).
 */
class TokenRevocationOnPasswordChange {

	private final PersonalAccessTokens tokens;
	private final ApiProperties properties;

	TokenRevocationOnPasswordChange(PersonalAccessTokens tokens, ApiProperties properties) {
		this.tokens = tokens;
		this.properties = properties;
	}

	@EventListener
	void passwordReplaced(PasswordReplacedEvent event) {
		if (event.reset() || properties.isRevokeTokensOnPasswordChange()) {
			tokens.revokeAllFor(event.userId());
		}
	}
}
