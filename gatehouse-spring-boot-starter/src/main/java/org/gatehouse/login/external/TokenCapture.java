package org.gatehouse.login.external;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Where Spring Security's login filter hands over the provider's tokens. Nothing is kept by it: for a provider with
 * store-tokens they are held for the request, and stored (encrypted, with the identity) once the sign-in has found its
 * Gatehouse account; for any other provider they are dropped.
 */
class TokenCapture implements OAuth2AuthorizedClientRepository {

	private static final String ATTRIBUTE = TokenCapture.class.getName();

	private final ExternalProviders providers;

	TokenCapture(ExternalProviders providers) {
		this.providers = providers;
	}

	@Override
	public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		if (!providers.storesTokens(client.getClientRegistration().getRegistrationId())) {
			return;
		}
		OAuth2AccessToken access = client.getAccessToken();
		request.setAttribute(ATTRIBUTE, new ProviderTokens(access.getTokenValue(),
				client.getRefreshToken() == null ? null : client.getRefreshToken().getTokenValue(), access.getExpiresAt(),
				String.join(" ", access.getScopes())));
	}

	/** The tokens of this request's sign-in, when its provider keeps them; else null. */
	ProviderTokens taken(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof ProviderTokens tokens ? tokens : null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
			Authentication principal, HttpServletRequest request) {
		return null;
	}

	@Override
	public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		// nothing kept
	}
}
