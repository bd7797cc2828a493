package org.gatehouse.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

/**
 * Adds COUNT database sessions (one 200-byte attribute each) of the generated users bench-0..bench-(COUNT-1),
 * either live (expiring in 30 minutes) or expired an hour ago, with set-based inserts in chunks of 100,000 into the
 * H2 file while the server is stopped. Usage: SessionGenerator JDBC_URL COUNT live|expired
 */
public final class SessionGenerator {

	private static final int CHUNK = 100_000;

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int count = Integer.parseInt(args[1]);
		boolean live = args[2].equals("live");
		long now = System.currentTimeMillis();
		long expiry = live ? now + Duration.ofMinutes(30).toMillis() : now - Duration.ofHours(1).toMillis();
		long t0 = System.nanoTime();
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			c.setAutoCommit(false);
			// ids are the kind's letter and the zero-padded user number: unique, and appended in index order
			String id = "concat(?, lpad(cast(\"X\" as varchar), 35, '0'))";
			try (PreparedStatement sessions = c.prepareStatement("insert into spring_session (primary_id, session_id, "
					+ "creation_time, last_access_time, max_inactive_interval, expiry_time, principal_name) select " + id
					+ ", " + id + ", ?, ?, 1800, ?, concat('bench-', \"X\", '@example.org') from system_range(?, ?)");
					PreparedStatement attributes = c.prepareStatement("insert into spring_session_attributes "
							+ "(session_primary_id, attribute_name, attribute_bytes) select " + id
							+ ", 'SPRING_SECURITY_CONTEXT', ? from system_range(?, ?)")) {
				String kind = live ? "l" : "e";
				for (int from = 0; from < count; from += CHUNK) {
					int to = Math.min(count, from + CHUNK) - 1;
					sessions.setString(1, kind);
					sessions.setString(2, kind.toUpperCase());
					sessions.setLong(3, expiry - Duration.ofMinutes(40).toMillis());
					sessions.setLong(4, expiry - Duration.ofMinutes(30).toMillis());
					sessions.setLong(5, expiry);
					sessions.setInt(6, from);
					sessions.setInt(7, to);
					sessions.executeUpdate();
					attributes.setString(1, kind);
					attributes.setBytes(2, new byte[200]);
					attributes.setInt(3, from);
					attributes.setInt(4, to);
					attributes.executeUpdate();
					c.commit();
				}
			}
		}
		System.out.printf("sessions=%d kind=%s seconds=%.1f%n", count, args[2], (System.nanoTime() - t0) / 1e9);
	}
}
