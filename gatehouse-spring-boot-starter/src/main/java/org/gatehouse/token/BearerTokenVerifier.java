package org.gatehouse.token;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Another kind of Bearer token Gatehouse's /api accepts beside personal access tokens (the OpenID Connect provider's
 * access tokens). Declared as a bean; asked only for tokens that are not personal access tokens. The authentication
 * it answers must carry an {@link org.gatehouse.account.AccountPrincipal} and, as authorities, only the
 * {@link TokenScope}s the token was granted.
 */
@FunctionalInterface
public interface BearerTokenVerifier {

	/** The authentication for a valid token, or empty when this verifier does not know it or it is no longer valid. */
	Optional<Authentication> verify(String token);
}
