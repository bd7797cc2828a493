package org.gatehouse.token;

import org.gatehouse.password.PasswordReplacedEvent;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whoever had the password may have created personal access tokens: a reset by email revokes all
 * of the user's tokens, a voluntary change too unless gatehouse.api.revoke-tokens-on-password-change
 * is false (the user's scripts then keep working).
 */
@Component
class TokenRevocationOnPasswordChange {

	private final PersonalAccessTokens tokens;
	private final GatehouseProperties properties;

	TokenRevocationOnPasswordChange(PersonalAccessTokens tokens, GatehouseProperties properties) {
		this.tokens = tokens;
		this.properties = properties;
	}

	@EventListener
	void passwordReplaced(PasswordReplacedEvent event) {
		if (event.reset() || properties.getApi().isRevokeTokensOnPasswordChange()) {
			tokens.revokeAllFor(event.userId());
		}
	}
}
