package org.gatehouse.passwordless;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gatehouse.tasks.BatchedDelete;
import org.gatehouse.testapp.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExpiredLoginLinksTaskTest {

	final Instant now = Instant.now();

	@ParameterizedTest
	@EnumSource(MigratedDatabase.class)
	void linksThatExpiredUnusedGoInBatchesAndLiveOnesStay(MigratedDatabase database) {
		long user = database.newUser();
		List<String> expired = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			expired.add(link(database, user, now.minus(Duration.ofMinutes(1 + i))));
		}
		List<String> live = List.of(link(database, user, now.plus(Duration.ofMinutes(9))),
				link(database, user, now.plusSeconds(1)));

		int removed = new ExpiredLoginLinksTask(new BatchedDelete(database.dataSource(), 2), new PasswordlessProperties(),
				Clock.fixed(now, ZoneOffset.UTC)).run();

		assertThat(removed).isGreaterThanOrEqualTo(5);
		assertThat(remaining(database, expired)).isEmpty();
		assertThat(remaining(database, live)).containsExactlyInAnyOrderElementsOf(live);
	}

	private static String link(MigratedDatabase database, long user, Instant expiresAt) {
		String hash = UUID.randomUUID().toString().replace("-", "");
		database.jdbc().sql("insert into gh_login_link (user_id, token_hash, code_hash, browser_hash, security_stamp, "
				+ "created_at, expires_at) values (?, ?, 'c', 'b', 's', ?, ?)")
			.params(user, hash, utc(expiresAt.minus(Duration.ofMinutes(10))), utc(expiresAt)).update();
		return hash;
	}

	private static List<String> remaining(MigratedDatabase database, List<String> hashes) {
		return hashes.stream().filter(hash -> database.jdbc().sql("select count(*) from gh_login_link where token_hash = ?")
			.param(hash).query(Integer.class).single() == 1).toList();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
