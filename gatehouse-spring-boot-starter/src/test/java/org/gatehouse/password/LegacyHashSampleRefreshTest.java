package org.gatehouse.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.account.UserStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The sample is computed from the stored hashes, read in keyset pages (H2 with the real migrations). */
class LegacyHashSampleRefreshTest {

	private final SimpleDriverDataSource data = new SimpleDriverDataSource(new org.h2.Driver(),
			"jdbc:h2:mem:legacy-sample-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
	private final UserStore users;
	private final PasswordContext context = PasswordContext.builder().rounds(Map.of("pbkdf2_sha512", 1000)).build();
	private final String bcrypt = PasswordContext.builder().defaultScheme("bcrypt").rounds(Map.of("bcrypt", 4))
		.build().hash("legacy");

	LegacyHashSampleRefreshTest() {
		Flyway.configure().dataSource(data).locations("classpath:db/gatehouse/migration").load().migrate();
		users = new UserStore(JdbcClient.create(data), Clock.systemUTC());
	}

	@Test
	void everyStoredHashIsReadOncePageByPageAndAccountsWithoutAPasswordAreLeftOut() {
		String current = context.hash("current");
		for (int i = 0; i < 12; i++) {
			String hash = i % 4 == 0 ? bcrypt : i % 4 == 1 ? null : current;
			users.create("user-" + i + "@example.org", null, hash, true);
		}
		List<String> read = new ArrayList<>();
		users.forEachPasswordHash(5, read::add);
		assertThat(read).hasSize(9).containsOnly(current, bcrypt).filteredOn(bcrypt::equals).hasSize(3);

		LegacyHashSample sample = new LegacyHashSample(context, new byte[32]);
		assertThat(sample.ready()).isFalse();
		try (LegacyHashSampleRefresh refresh = new LegacyHashSampleRefresh(sample, users)) {
			refresh.refresh();
		}
		assertThat(sample.ready()).isTrue();
		assertThat(sample.shapes()).containsExactly(Map.entry("bcrypt $2b$04", 3L));
	}
}
