package org.gatehouse.oidc;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The stored clients with the token settings of gatehouse.oidc.* applied as they are read, so a changed lifetime
 * or signing algorithm takes effect for every client at the next start. Refresh tokens are never reused: each use
 * replaces the token.
 */
class ConfiguredClientRepository implements RegisteredClientRepository {

	private final RegisteredClientRepository stored;
	private final OidcProperties properties;
	private final SigningKeys keys;

	ConfiguredClientRepository(RegisteredClientRepository stored, OidcProperties properties, SigningKeys keys) {
		this.stored = stored;
		this.properties = properties;
		this.keys = keys;
	}

	@Override
	public void save(RegisteredClient client) {
		stored.save(client);
	}

	@Override
	public RegisteredClient findById(String id) {
		return configured(stored.findById(id));
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return configured(stored.findByClientId(clientId));
	}

	private RegisteredClient configured(RegisteredClient client) {
		if (client == null) {
			return null;
		}
		TokenSettings settings = TokenSettings.withSettings(client.getTokenSettings().getSettings())
			.accessTokenTimeToLive(properties.getAccessTokenTimeToLive())
			.refreshTokenTimeToLive(properties.getRefreshTokenTimeToLive())
			.authorizationCodeTimeToLive(properties.getAuthorizationCodeTimeToLive())
			.reuseRefreshTokens(false)
			.idTokenSignatureAlgorithm(SignatureAlgorithm.from(keys.current().getAlgorithm().getName()))
			.build();
		return RegisteredClient.from(client).tokenSettings(settings).build();
	}
}
