package org.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gatehouse.tasks.BatchedDelete;
import org.gatehouse.testapp.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authorizations go a retention (1 day by default) after their last token expired, unanswered consent requests a
 * retention after they were made, replaced refresh tokens' hashes when those tokens would have expired.
 */
class ExpiredAuthorizationsTaskTest {

	final Instant now = Instant.now();
	final Duration retention = new OidcProperties().getExpiredAuthorizationRetention();

	@ParameterizedTest
	@EnumSource(MigratedDatabase.class)
	void authorizationsWhoseEveryTokenExpiredBeforeTheRetentionGoAndTheOthersStay(MigratedDatabase database) {
		Instant longAgo = now.minus(retention).minus(Duration.ofHours(1));
		Instant lately = now.minus(retention).plus(Duration.ofHours(1));
		String allExpiredLongAgo = authorization(database, longAgo.minus(Duration.ofDays(30)),
				Map.of("authorization_code", longAgo.minus(Duration.ofDays(30)), "access_token", longAgo,
						"oidc_id_token", longAgo, "refresh_token", longAgo));
		String clientCredentialsLongAgo = authorization(database, longAgo, Map.of("access_token", longAgo));
		String unexchangedCode = authorization(database, longAgo, Map.of("authorization_code", longAgo));
		String abandonedConsent = authorization(database, longAgo, Map.of());
		List<String> gone = List.of(allExpiredLongAgo, clientCredentialsLongAgo, unexchangedCode, abandonedConsent);

		String refreshable = authorization(database, longAgo.minus(Duration.ofDays(10)),
				Map.of("access_token", longAgo, "oidc_id_token", longAgo, "refresh_token", now.plus(Duration.ofDays(20))));
		// expired lately: its ID token may still be a logout hint
		String expiredLately = authorization(database, lately.minus(Duration.ofMinutes(30)),
				Map.of("access_token", lately, "oidc_id_token", lately));
		String consentPending = authorization(database, now.minus(Duration.ofMinutes(2)), Map.of());
		String codeJustIssued = authorization(database, now, Map.of("authorization_code", now.plus(Duration.ofMinutes(5))));
		List<String> kept = List.of(refreshable, expiredLately, consentPending, codeJustIssued);

		String replacedExpired = replacedRefreshToken(database, refreshable, now.minusSeconds(1));
		String replacedLive = replacedRefreshToken(database, refreshable, now.plus(Duration.ofDays(3)));

		int removed = new ExpiredAuthorizationsTask(new BatchedDelete(database.dataSource(), 3), new OidcProperties(),
				Clock.fixed(now, ZoneOffset.UTC)).run();

		assertThat(removed).isGreaterThanOrEqualTo(gone.size() + 1);
		assertThat(remaining(database, "oauth2_authorization", "id", gone)).isEmpty();
		assertThat(remaining(database, "oauth2_authorization", "id", kept)).containsExactlyInAnyOrderElementsOf(kept);
		assertThat(remaining(database, "gh_oidc_replaced_refresh_token", "token_hash",
				List.of(replacedExpired, replacedLive))).containsExactly(replacedLive);
	}

	/** A row as Spring Authorization Server writes it, with these tokens (by column prefix) expiring at these times. */
	private static String authorization(MigratedDatabase database, Instant createdAt, Map<String, Instant> tokens) {
		String id = UUID.randomUUID().toString();
		Map<String, Object> columns = new LinkedHashMap<>(Map.of("id", id, "registered_client_id", "client-1",
				"principal_name", "1", "authorization_grant_type", "authorization_code", "created_at", utc(createdAt)));
		tokens.forEach((token, expiresAt) -> {
			columns.put(token + "_value", "value-" + UUID.randomUUID());
			columns.put(token + "_issued_at", utc(createdAt));
			columns.put(token + "_expires_at", utc(expiresAt));
		});
		if (tokens.isEmpty()) {
			columns.put("state", "consent-" + id);
		}
		database.jdbc().sql("insert into oauth2_authorization (" + String.join(", ", columns.keySet()) + ") values ("
				+ String.join(", ", columns.keySet().stream().map(c -> "?").toList()) + ")")
			.params(List.copyOf(columns.values())).update();
		return id;
	}

	private static String replacedRefreshToken(MigratedDatabase database, String authorizationId, Instant expiresAt) {
		String hash = RefreshTokenReuseDetection.hash(UUID.randomUUID().toString());
		database.jdbc().sql("insert into gh_oidc_replaced_refresh_token (token_hash, authorization_id, expires_at) "
				+ "values (?, ?, ?)").params(hash, authorizationId, utc(expiresAt)).update();
		return hash;
	}

	private static List<String> remaining(MigratedDatabase database, String table, String idColumn, List<String> ids) {
		return ids.stream().filter(id -> database.jdbc().sql("select count(*) from " + table + " where " + idColumn
				+ " = ?").param(id).query(Integer.class).single() == 1).toList();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
