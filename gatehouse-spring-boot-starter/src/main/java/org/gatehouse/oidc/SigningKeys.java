package org.gatehouse.oidc;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.crypto.FieldEncryptor;
import org.gatehouse.crypto.Signers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's signing keys in gh_oidc_signing_key, private parts encrypted with the field encryptor. The newest
 * unretired key signs; {@link #rotate} retires it, and a retired key stays in the published set until every token it
 * signed has expired. The set is read from the database at most once per {@link #REFRESH}, so a rotation by the
 * command line (another process) reaches every running instance.
 */
public class SigningKeys implements JWKSource<SecurityContext> {

	/** ID tokens live 30 minutes in Spring Authorization Server; a retired key outlives the longest token by a margin. */
	static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(30);
	static final Duration REFRESH = Duration.ofSeconds(30);

	private final JdbcClient jdbc;
	private final FieldEncryptor encryptor;
	private final OidcProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	private volatile Loaded loaded;

	public SigningKeys(JdbcClient jdbc, Signers signers, OidcProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.encryptor = signers.fieldEncryptor("oidc-signing-key");
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** Generates the first key when there is none (first start with the feature on). */
	public void ensureKey() {
		if (jdbc.sql("select count(*) from gh_oidc_signing_key where retired_at is null").query(Long.class).single() == 0) {
			insert(generate());
		}
	}

	/** Replaces the signing key; the old one stays published until its tokens have expired. Returns the new key id. */
	@Transactional
	public String rotate(Long actorUserId) {
		Instant now = clock.instant();
		Duration longest = properties.getAccessTokenTimeToLive().compareTo(ID_TOKEN_LIFETIME) > 0
				? properties.getAccessTokenTimeToLive() : ID_TOKEN_LIFETIME;
		jdbc.sql("update gh_oidc_signing_key set retired_at = ?, publish_until = ? where retired_at is null")
			.params(Timestamp.from(now), Timestamp.from(now.plus(longest).plus(Duration.ofMinutes(5))))
			.update();
		JWK key = generate();
		insert(key);
		loaded = null;
		events.publishEvent(new SecurityEvent(SecurityEventType.OIDC_KEY_ROTATED, actorUserId, null, key.getKeyID()));
		return key.getKeyID();
	}

	/** The key that signs now. */
	public JWK current() {
		return keys().current();
	}

	/** Public keys a relying party may meet: the current one and retired ones still within their tokens' lifetime. */
	public JWKSet published() {
		return keys().published().toPublicJWKSet();
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(keys().published());
	}

	private Loaded keys() {
		Loaded current = loaded;
		Instant now = clock.instant();
		if (current == null || current.loadedAt().plus(REFRESH).isBefore(now)) {
			current = load(now);
			loaded = current;
		}
		return current;
	}

	private Loaded load(Instant now) {
		List<JWK> keys = jdbc.sql("""
				select private_jwk from gh_oidc_signing_key
				where retired_at is null or publish_until > ? order by retired_at desc nulls first, created_at desc""")
			.param(Timestamp.from(now))
			.query((rs, n) -> parse(encryptor.decrypt(rs.getString(1))))
			.list();
		if (keys.isEmpty()) {
			throw new IllegalStateException("No OpenID Connect signing key: gh_oidc_signing_key is empty");
		}
		return new Loaded(keys.get(0), new JWKSet(keys), now);
	}

	private JWK generate() {
		String kid = UUID.randomUUID().toString();
		try {
			return switch (properties.getSigningAlgorithm()) {
				case ES256 -> new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256)
					.keyUse(KeyUse.SIGNATURE).generate();
				case RS256 -> new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256)
					.keyUse(KeyUse.SIGNATURE).generate();
			};
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate a signing key", ex);
		}
	}

	private void insert(JWK key) {
		jdbc.sql("insert into gh_oidc_signing_key (kid, algorithm, private_jwk, created_at) values (?, ?, ?, ?)")
			.params(key.getKeyID(), key.getAlgorithm().getName(), encryptor.encrypt(key.toJSONString()),
					Timestamp.from(clock.instant()))
			.update();
		loaded = null;
	}

	private static JWK parse(String json) {
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored signing key is not a JWK", ex);
		}
	}

	private record Loaded(JWK current, JWKSet published, Instant loadedAt) {
	}
}
