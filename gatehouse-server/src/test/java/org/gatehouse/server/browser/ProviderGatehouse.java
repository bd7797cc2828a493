package org.gatehouse.server.browser;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.gatehouse.account.UserStore;
import org.gatehouse.admin.BanService;
import org.gatehouse.oidc.CreatedOidcClient;
import org.gatehouse.oidc.NewOidcClient;
import org.gatehouse.oidc.OidcClients;
import org.gatehouse.oidc.SigningKeys;
import org.gatehouse.password.PasswordService;
import org.gatehouse.server.GatehouseServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A second Gatehouse, the real server with the OpenID Connect provider on, standing for "another Gatehouse of the
 * institution" in the external sign-in tests: its own database, its own port on 127.0.0.1 (the Gatehouse under test
 * is reached as localhost, so the two sessions' cookies never meet in the browser), clients registered through its
 * {@link OidcClients} service as an operator would with {@code clients create}, users created in its user store.
 */
final class ProviderGatehouse implements AutoCloseable {

	static final String PASSWORD = "provider-password-7";

	private final ConfigurableApplicationContext context;
	private final String issuer;
	private final String runId;

	private ProviderGatehouse(ConfigurableApplicationContext context, String issuer, String runId) {
		this.context = context;
		this.issuer = issuer;
		this.runId = runId;
	}

	/** Starts the provider on a free port with its database at {@code jdbcUrl}. */
	static ProviderGatehouse start(int port, String jdbcUrl, String runId) {
		String issuer = "http://127.0.0.1:" + port;
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", port);
		properties.put("server.address", "127.0.0.1");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.datasource.url", jdbcUrl);
		properties.put("gatehouse.secret-key", "provider-test-secret-key-0123456789-abcdefghijk");
		properties.put("gatehouse.passwords.rounds.pbkdf2_sha512", "1000");
		properties.put("gatehouse.mfa.required-roles", "");
		properties.put("gatehouse.tasks.enabled", "false");
		properties.put("gatehouse.features.oidc-provider", "true");
		properties.put("gatehouse.oidc.issuer", issuer);
		// as arguments: default properties would lose to the server's own settings
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatehouseServer.class).run(args);
		return new ProviderGatehouse(context, issuer, runId);
	}

	String issuer() {
		return issuer;
	}

	/**
	 * Registers a confidential client that skips consent (the institution's own application) and may return to
	 * {@code redirectUri}; answers its client id and the secret shown once.
	 */
	CreatedOidcClient registerClient(String name, String redirectUri) {
		return registerClient(name, redirectUri, null);
	}

	/** As {@link #registerClient(String, String)}, with a back-channel logout URI the provider posts logout tokens to. */
	CreatedOidcClient registerClient(String name, String redirectUri, String backchannelLogoutUri) {
		return context.getBean(OidcClients.class).create(new NewOidcClient(name, List.of(redirectUri), List.of(), false,
				List.of("openid", "profile", "email"), true, backchannelLogoutUri), null);
	}

	/** Bans {@code name}'s account on the provider, as its administrator would (which tells the relying parties). */
	void ban(String name) {
		context.getBean(BanService.class).ban(null, users().findByEmail(email(name)).orElseThrow().id());
	}

	/**
	 * A back-channel logout token for {@code clientId} about {@code subject}, signed with the provider's current key
	 * (or, {@code forged}, with a key of the same kind and id that the provider never published), its claims changed by
	 * {@code change} before signing.
	 */
	String logoutToken(String clientId, String subject, boolean forged, Consumer<JwtClaimsSet.Builder> change) {
		JWK current = context.getBean(SigningKeys.class).current();
		JWK key = forged ? forgedLike(current) : current;
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer).audience(List.of(clientId)).issuedAt(now)
			.expiresAt(now.plusSeconds(120)).id(UUID.randomUUID().toString()).subject(subject)
			.claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
		change.accept(claims);
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.from(current.getAlgorithm().getName()))
			.keyId(current.getKeyID()).type("logout+jwt").build();
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
			.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	private static JWK forgedLike(JWK key) {
		try {
			return key instanceof ECKey ec
					? new ECKeyGenerator(ec.getCurve()).keyID(key.getKeyID()).algorithm(key.getAlgorithm()).generate()
					: new RSAKeyGenerator(2048).keyID(key.getKeyID()).algorithm(key.getAlgorithm()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Creates {@code name}'s account on the provider, its address confirmed or not, with {@link #fullName} as the name
	 * its {@code profile} scope releases; answers its subject.
	 */
	String createUser(String name, boolean confirmed) {
		long id = users().create(email(name), null, context.getBean(PasswordService.class).hashNew(PASSWORD), confirmed);
		context.getBean(JdbcClient.class).sql("update gh_user set full_name = ? where id = ?").params(fullName(name), id)
			.update();
		return Long.toString(id);
	}

	String fullName(String name) {
		return "Dr. " + name + " " + runId;
	}

	/** Confirms the address of {@code name}'s account on the provider, as its confirmation link would. */
	void confirm(String name) {
		users().confirm(users().findByEmail(email(name)).orElseThrow().id());
	}

	/** The address of {@code name}'s account on the provider. */
	String email(String name) {
		return name + "-" + runId + "@provider.example.org";
	}

	private UserStore users() {
		return context.getBean(UserStore.class);
	}

	@Override
	public void close() {
		context.close();
	}
}
