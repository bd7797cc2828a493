package org.gatehouse.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.nimbusds.jose.jwk.JWK;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * OpenID Connect Back-Channel Logout 1.0: a signed logout token (typ logout+jwt, the back-channel logout event,
 * the user's sub and, when the ID token had one, the session's sid) posted to a relying party's registered URI. Sent
 * without waiting: a slow or unreachable relying party never holds up the ban or revocation that caused it; failures
 * are logged.
 */
class BackchannelLogout {

	static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private static final Logger log = LoggerFactory.getLogger(BackchannelLogout.class);

	private final SigningKeys keys;
	private final NimbusJwtEncoder encoder;
	private final HttpClient http;
	private final OidcProperties properties;
	private final Clock clock;

	BackchannelLogout(SigningKeys keys, OidcProperties properties, Clock clock) {
		this.keys = keys;
		this.encoder = new NimbusJwtEncoder(keys);
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.getBackchannelLogoutTimeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** What one relying party is told: who signed out of which session. */
	record Notice(String issuer, String clientId, String uri, String subject, String sid) {
	}

	CompletableFuture<Integer> send(Notice notice) {
		String token = logoutToken(notice);
		HttpRequest request = HttpRequest.newBuilder(URI.create(notice.uri()))
			.timeout(properties.getBackchannelLogoutTimeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
			if (failure != null) {
				log.warn("Back-channel logout to {} failed: {}", notice.uri(), failure.toString());
				return -1;
			}
			if (response.statusCode() != 200 && response.statusCode() != 204) {
				log.warn("Back-channel logout to {} answered {}", notice.uri(), response.statusCode());
			}
			return response.statusCode();
		});
	}

	String logoutToken(Notice notice) {
		JWK key = keys.current();
		Instant now = clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(notice.issuer())
			.audience(List.of(notice.clientId()))
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(2)))
			.id(UUID.randomUUID().toString())
			.subject(notice.subject())
			.claim("events", Map.of(EVENT, Map.of()));
		if (notice.sid() != null) {
			claims.claim("sid", notice.sid());
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.from(key.getAlgorithm().getName()))
			.keyId(key.getKeyID()).type("logout+jwt").build();
		return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}
}
