package org.gatehouse.token;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.CredentialsContainer;

/**
 * A personal access token as a request presents it, before it is checked. Its name is the part of
 * the token shown in the user's token list, never the secret, as authentication events carry it.
 */
final class PresentedToken extends AbstractAuthenticationToken implements CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String shown;
	private String secret;

	PresentedToken(String secret) {
		super(List.of());
		this.secret = secret;
		this.shown = secret.length() > PersonalAccessTokens.SHOWN_PREFIX_LENGTH
				? secret.substring(0, PersonalAccessTokens.SHOWN_PREFIX_LENGTH) : "";
	}

	@Override
	public String getCredentials() {
		return secret;
	}

	@Override
	public String getPrincipal() {
		return shown;
	}

	@Override
	public void eraseCredentials() {
		secret = null;
	}
}
