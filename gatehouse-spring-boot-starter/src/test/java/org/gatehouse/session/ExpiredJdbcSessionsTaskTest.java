package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@GatehouseIntegrationTest
class ExpiredJdbcSessionsTaskTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deletesEveryExpiredSessionWithItsAttributesInSeveralBatchesAndKeepsLiveOnes() {
		long now = System.currentTimeMillis();
		List<String> expired = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			expired.add(insertSession(now - Duration.ofHours(1).toMillis()));
		}
		List<String> live = List.of(insertSession(now + Duration.ofMinutes(30).toMillis()),
				insertSession(now + Duration.ofMinutes(5).toMillis()));

		int removed = new ExpiredJdbcSessionsTask(dataSource, Clock.systemUTC(), 3).run();

		assertThat(removed).isGreaterThanOrEqualTo(7);
		assertThat(count("spring_session", expired)).isZero();
		assertThat(count("spring_session_attributes", expired)).as("attributes go with their session").isZero();
		assertThat(count("spring_session", live)).isEqualTo(2);
		assertThat(count("spring_session_attributes", live)).isEqualTo(2);
	}

	private String insertSession(long expiry) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into spring_session (primary_id, session_id, creation_time, last_access_time, "
				+ "max_inactive_interval, expiry_time, principal_name) values (?, ?, ?, ?, 1800, ?, 'x@example.org')")
			.params(id, UUID.randomUUID().toString(), expiry - 3_600_000, expiry - 1_800_000, expiry)
			.update();
		jdbc.sql("insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes) "
				+ "values (?, 'a', ?)").params(id, new byte[] { 1, 2, 3 }).update();
		return id;
	}

	private int count(String table, List<String> ids) {
		String column = table.equals("spring_session") ? "primary_id" : "session_primary_id";
		return ids.stream()
			.mapToInt(id -> jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(id)
				.query(Integer.class).single())
			.sum();
	}
}
