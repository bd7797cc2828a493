package org.gatehouse.token;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Verifies a presented personal access token: unknown, revoked, expired, or its user inactive is a bad credential. */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

	static final String INVALID = "Invalid, expired or revoked token";

	private final PersonalAccessTokens tokens;

	ApiTokenAuthenticationProvider(PersonalAccessTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		return tokens.authenticate(((PresentedToken) authentication).getCredentials())
			.orElseThrow(() -> new BadCredentialsException(INVALID));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return PresentedToken.class.isAssignableFrom(authentication);
	}
}
