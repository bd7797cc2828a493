package org.gatehouse.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HexFormat;

/**
 * Fills gh_user up to TOTAL rows (bench-N@example.org), each with the password hash of an existing user, by batched
 * JDBC inserts into the H2 file while the server is stopped. Usage: UserGenerator JDBC_URL TOTAL TEMPLATE_EMAIL
 */
public final class UserGenerator {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int total = Integer.parseInt(args[1]);
		String template = args[2];
		SecureRandom random = new SecureRandom();
		long t0 = System.nanoTime();
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			c.setAutoCommit(false);
			String hash;
			int existing;
			try (PreparedStatement q = c.prepareStatement("select password_hash from gh_user where email_key = ?")) {
				q.setString(1, template.toLowerCase());
				try (ResultSet rs = q.executeQuery()) {
					rs.next();
					hash = rs.getString(1);
				}
			}
			try (ResultSet rs = c.createStatement().executeQuery("select count(*) from gh_user")) {
				rs.next();
				existing = rs.getInt(1);
			}
			Timestamp now = new Timestamp(System.currentTimeMillis());
			try (PreparedStatement ins = c.prepareStatement("insert into gh_user (email, email_key, password_hash, "
					+ "active, confirmed_at, created_at, updated_at, login_count, security_stamp) "
					+ "values (?, ?, ?, true, ?, ?, ?, 0, ?)")) {
				byte[] stamp = new byte[16];
				for (int i = existing; i < total; i++) {
					String email = "bench-" + i + "@example.org";
					random.nextBytes(stamp);
					ins.setString(1, email);
					ins.setString(2, email);
					ins.setString(3, hash);
					ins.setTimestamp(4, now);
					ins.setTimestamp(5, now);
					ins.setTimestamp(6, now);
					ins.setString(7, HexFormat.of().formatHex(stamp));
					ins.addBatch();
					if ((i + 1) % 10_000 == 0) {
						ins.executeBatch();
						c.commit();
					}
				}
				ins.executeBatch();
				c.commit();
			}
			try (ResultSet rs = c.createStatement().executeQuery("select count(*) from gh_user")) {
				rs.next();
				System.out.printf("users=%d inserted=%d seconds=%.1f%n", rs.getInt(1), rs.getInt(1) - existing,
						(System.nanoTime() - t0) / 1e9);
			}
		}
	}
}
