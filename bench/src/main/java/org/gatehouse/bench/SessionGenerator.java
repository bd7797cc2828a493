package org.gatehouse.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

/**
 * Adds COUNT database sessions (one attribute each) of the generated users bench-0..bench-(COUNT-1), either live
 * (expiring in 30 minutes) or expired an hour ago, by batched JDBC inserts into the H2 file while the server is
 * stopped. Usage: SessionGenerator JDBC_URL COUNT live|expired
 */
public final class SessionGenerator {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int count = Integer.parseInt(args[1]);
		boolean live = args[2].equals("live");
		long now = System.currentTimeMillis();
		long expiry = live ? now + Duration.ofMinutes(30).toMillis() : now - Duration.ofHours(1).toMillis();
		byte[] attribute = new byte[200];
		long t0 = System.nanoTime();
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			c.setAutoCommit(false);
			try (PreparedStatement session = c.prepareStatement("insert into spring_session (primary_id, session_id, "
					+ "creation_time, last_access_time, max_inactive_interval, expiry_time, principal_name) "
					+ "values (?, ?, ?, ?, 1800, ?, ?)");
					PreparedStatement attr = c.prepareStatement("insert into spring_session_attributes "
							+ "(session_primary_id, attribute_name, attribute_bytes) values (?, 'SPRING_SECURITY_CONTEXT', ?)")) {
				for (int i = 0; i < count; i++) {
					String id = UUID.randomUUID().toString();
					session.setString(1, id);
					session.setString(2, UUID.randomUUID().toString());
					session.setLong(3, expiry - Duration.ofMinutes(40).toMillis());
					session.setLong(4, expiry - Duration.ofMinutes(30).toMillis());
					session.setLong(5, expiry);
					session.setString(6, "bench-" + i + "@example.org");
					session.addBatch();
					attr.setString(1, id);
					attr.setBytes(2, attribute);
					attr.addBatch();
					if ((i + 1) % 10_000 == 0) {
						session.executeBatch();
						attr.executeBatch();
						c.commit();
					}
				}
				session.executeBatch();
				attr.executeBatch();
				c.commit();
			}
		}
		System.out.printf("sessions=%d kind=%s seconds=%.1f%n", count, args[2], (System.nanoTime() - t0) / 1e9);
	}
}
