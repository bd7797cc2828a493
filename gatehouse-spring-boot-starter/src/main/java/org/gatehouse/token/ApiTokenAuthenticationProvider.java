package org.gatehouse.token;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Verifies a presented personal access token (or asks the {@link BearerTokenVerifier}s about another token): unknown, revoked, expired, or its user inactive is a bad credential. */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

	static final String INVALID = "Invalid, expired or revoked token";

	private final PersonalAccessTokens tokens;
	private final List<BearerTokenVerifier> verifiers;

	ApiTokenAuthenticationProvider(PersonalAccessTokens tokens, List<BearerTokenVerifier> verifiers) {
		this.tokens = tokens;
		this.verifiers = List.copyOf(verifiers);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String presented = ((PresentedToken) authentication).getCredentials();
		// personal tokens: Gatehouse's (gat_...) and those imported from Invenio (letters and digits only); the
		// form is checked before any look-up, so another kind of token (a JWT) costs no query
		Optional<? extends Authentication> personal = tokens.authenticate(presented);
		if (personal.isPresent()) {
			return personal.get();
		}
		if (presented.startsWith(PersonalAccessTokens.TOKEN_PREFIX)) {
			throw new BadCredentialsException(INVALID);
		}
		return verifiers.stream().map(verifier -> verifier.verify(presented)).flatMap(Optional::stream).findFirst()
			.orElseThrow(() -> new BadCredentialsException(INVALID));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return PresentedToken.class.isAssignableFrom(authentication);
	}
}
