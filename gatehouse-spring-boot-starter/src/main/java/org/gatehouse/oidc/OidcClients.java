package org.gatehouse.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, lists and deletes relying parties: the one path for the command line and the admin API. A confidential
 * client's secret is generated here, returned once and stored as a password hash; every change is audited.
 */
public class OidcClients {

	private static final int MAX_URI_LIST = 1000;

	/** Where a client's back-channel logout endpoint is kept in its client settings. */
	static final String BACKCHANNEL_LOGOUT_URI = "settings.client.gatehouse.backchannel-logout-uri";

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final RegisteredClientRepository repository;
	private final JdbcClient jdbc;
	private final PasswordEncoder secrets;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	public OidcClients(RegisteredClientRepository repository, JdbcClient jdbc, PasswordEncoder secrets,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param actorUserId the administrator, or null on the command line
	 * @throws InvalidOidcClientException when a field is unacceptable; nothing is stored then
	 */
	@Transactional
	public CreatedOidcClient create(NewOidcClient request, Long actorUserId) {
		String name = request.name() == null ? "" : request.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new InvalidOidcClientException("oidc.client.invalid.name", "The client needs a name of 1 to 200 characters");
		}
		if (find(name).isPresent()) {
			throw new InvalidOidcClientException("oidc.client.invalid.name-taken", "A client named " + name + " exists already",
					name);
		}
		List<String> redirectUris = uris(request.redirectUris(), "redirect URI", "redirect-uri");
		if (redirectUris.isEmpty()) {
			throw new InvalidOidcClientException("oidc.client.invalid.no-redirect-uri",
					"The client needs at least one redirect URI");
		}
		List<String> postLogoutUris = uris(request.postLogoutRedirectUris(), "post-logout redirect URI",
				"post-logout-redirect-uri");
		List<String> scopes = scopes(request.scopes());
		String backchannel = request.backchannelLogoutUri() == null || request.backchannelLogoutUri().isBlank() ? null
				: uris(List.of(request.backchannelLogoutUri()), "back-channel logout URI", "backchannel-logout-uri").get(0);
		String secret = request.publicClient() ? null : BASE64URL.encodeToString(bytes(32));
		ClientSettings.Builder settings = ClientSettings.builder()
			.requireProofKey(request.publicClient())
			.requireAuthorizationConsent(!request.skipConsent());
		if (backchannel != null) {
			settings.setting(BACKCHANNEL_LOGOUT_URI, backchannel);
		}
		RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(BASE64URL.encodeToString(bytes(16)))
			.clientIdIssuedAt(clock.instant())
			.clientName(name)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris(set -> set.addAll(redirectUris))
			.postLogoutRedirectUris(set -> set.addAll(postLogoutUris))
			.scopes(set -> set.addAll(scopes))
			.clientSettings(settings.build());
		if (request.publicClient()) {
			client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		else {
			client.clientSecret(secrets.encode(secret))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
		}
		RegisteredClient registered = client.build();
		try {
			repository.save(registered);
		}
		catch (DuplicateKeyException sameNameMeanwhile) {
			throw new InvalidOidcClientException("oidc.client.invalid.name-taken",
					"A client named " + name + " exists already", name);
		}
		events.publishEvent(new SecurityEvent(SecurityEventType.OIDC_CLIENT_CREATED, actorUserId, null, name));
		return new CreatedOidcClient(view(registered), secret);
	}

	public List<OidcClient> list() {
		return jdbc.sql("select id from oauth2_registered_client order by client_name")
			.query(String.class).list().stream()
			.map(repository::findById).map(OidcClients::view).toList();
	}

	/** By name or client id. */
	public Optional<OidcClient> find(String nameOrClientId) {
		return registered(nameOrClientId).map(OidcClients::view);
	}

	/** Deletes the client with every authorization (token) and consent given to it; false when there is none. */
	@Transactional
	public boolean delete(String nameOrClientId, Long actorUserId) {
		Optional<RegisteredClient> client = registered(nameOrClientId);
		if (client.isEmpty()) {
			return false;
		}
		String id = client.get().getId();
		jdbc.sql("delete from gh_oidc_replaced_refresh_token where authorization_id in "
				+ "(select id from oauth2_authorization where registered_client_id = ?)").param(id).update();
		jdbc.sql("delete from oauth2_authorization where registered_client_id = ?").param(id).update();
		jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = ?").param(id).update();
		jdbc.sql("delete from oauth2_registered_client where id = ?").param(id).update();
		events.publishEvent(new SecurityEvent(SecurityEventType.OIDC_CLIENT_DELETED, actorUserId, null,
				client.get().getClientName()));
		return true;
	}

	/**
	 * An administrator's decision whether users must approve the client's scopes; empty when there is no such
	 * client. Audited whenever it is asked, also when the setting was already so.
	 */
	@Transactional
	public Optional<OidcClient> setSkipConsent(String nameOrClientId, boolean skipConsent, Long actorUserId) {
		return registered(nameOrClientId).map(client -> {
			RegisteredClient changed = RegisteredClient.from(client)
				.clientSettings(ClientSettings.withSettings(client.getClientSettings().getSettings())
					.requireAuthorizationConsent(!skipConsent).build())
				.build();
			repository.save(changed);
			events.publishEvent(new SecurityEvent(SecurityEventType.OIDC_CLIENT_UPDATED, actorUserId, null,
					client.getClientName() + ": skip-consent=" + skipConsent));
			return view(changed);
		});
	}

	private Optional<RegisteredClient> registered(String nameOrClientId) {
		if (nameOrClientId == null) {
			return Optional.empty();
		}
		// a client id first: one client's name may equal another's id, and both are unique on their own
		String key = nameOrClientId.strip();
		return Optional.ofNullable(repository.findByClientId(key)).or(() -> jdbc
			.sql("select id from oauth2_registered_client where client_name = ?").param(key)
			.query(String.class).optional().map(repository::findById));
	}

	static OidcClient view(RegisteredClient client) {
		Object backchannel = client.getClientSettings().getSetting(BACKCHANNEL_LOGOUT_URI);
		Instant issuedAt = client.getClientIdIssuedAt();
		return new OidcClient(client.getClientId(), client.getClientName(),
				client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE),
				List.copyOf(client.getRedirectUris()), List.copyOf(client.getPostLogoutRedirectUris()),
				client.getScopes().stream().sorted().toList(), !client.getClientSettings().isRequireAuthorizationConsent(),
				backchannel == null ? null : backchannel.toString(), issuedAt);
	}

	private static List<String> uris(List<String> values, String what, String field) {
		LinkedHashSet<String> uris = new LinkedHashSet<>();
		for (String value : values == null ? List.<String>of() : values) {
			String uri = value == null ? "" : value.strip();
			try {
				URI parsed = new URI(uri);
				String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
				if (!parsed.isAbsolute() || parsed.getHost() == null || parsed.getFragment() != null
						|| !(scheme.equals("https") || scheme.equals("http"))) {
					throw new InvalidOidcClientException("oidc.client.invalid." + field,
							"Not an absolute http(s) " + what + " without a fragment: " + uri, uri);
				}
			}
			catch (URISyntaxException ex) {
				throw new InvalidOidcClientException("oidc.client.invalid." + field, "Not a valid " + what + ": " + uri, uri);
			}
			uris.add(uri);
		}
		// Spring Authorization Server keeps each list comma-joined in a varchar(1000) column
		if (uris.stream().anyMatch(uri -> uri.contains(",")) || String.join(",", uris).length() > MAX_URI_LIST) {
			throw new InvalidOidcClientException("oidc.client.invalid.uri-list",
					"The " + what + "s must be free of commas and fit in " + MAX_URI_LIST + " characters together", field);
		}
		return new ArrayList<>(uris);
	}

	private static List<String> scopes(List<String> requested) {
		if (requested == null || requested.isEmpty()) {
			return OidcScopes.DEFAULT;
		}
		LinkedHashSet<String> scopes = new LinkedHashSet<>();
		for (String scope : requested) {
			if (scope == null) {
				continue;
			}
			for (String one : scope.split("[\\s,]+")) {
				if (one.isEmpty()) {
					continue;
				}
				if (!OidcScopes.SUPPORTED.contains(one)) {
					List<String> known = OidcScopes.SUPPORTED.stream().sorted().toList();
					throw new InvalidOidcClientException("oidc.client.invalid.scope", "Unknown scope " + one + "; known: "
							+ known, one, String.join(" ", known));
				}
				scopes.add(one);
			}
		}
		scopes.add(OidcScopes.OPENID);
		return new ArrayList<>(scopes);
	}

	private byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}
}
