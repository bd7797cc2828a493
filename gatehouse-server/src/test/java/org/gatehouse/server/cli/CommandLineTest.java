package org.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.gatehouse.server.GatehouseServer;
import org.junit.jupiter.api.Test;

/** The operator's command line, run in-process on a fresh embedded database. */
class CommandLineTest {

	static final String PASSWORD = "velvet-canyon-drum-91";

	@Test
	void createsAnAdminWhosePasswordVerifiesAndNeverTakesThePasswordAsArgument() throws Exception {
		Path dir = Files.createTempDirectory("gatehouse-cli");
		String db = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
		String[] common = { "--spring.datasource.url=" + db, "--gatehouse.data-directory=" + dir,
				"--gatehouse.passwords.rounds.pbkdf2_sha512=1000" };

		Result created = run(PASSWORD + "\n", concat(new String[] { "users", "create", "root@example.org", "--role",
				"admin", "--confirmed" }, common));
		assertThat(created.exit).isZero();
		assertThat(created.out).contains("Created user").contains("root@example.org").doesNotContain(PASSWORD);

		String hash;
		try (Connection c = DriverManager.getConnection(db, "sa", "");
				ResultSet rs = c.createStatement().executeQuery(
						"select u.password_hash, r.name from gh_user u join gh_user_role ur on ur.user_id = u.id "
								+ "join gh_role r on r.id = ur.role_id where u.email_key = 'root@example.org'")) {
			assertThat(rs.next()).isTrue();
			hash = rs.getString(1);
			assertThat(rs.getString(2)).isEqualTo("admin");
		}
		assertThat(hash).startsWith("$pbkdf2-sha512$1000$");

		Result verified = run(PASSWORD + "\n", concat(new String[] { "verify", hash }, common));
		assertThat(verified.exit).isZero();
		assertThat(verified.out).contains("match");

		Result wrong = run("not-the-password\n", concat(new String[] { "verify", hash }, common));
		assertThat(wrong.exit).isEqualTo(1);
		assertThat(wrong.out).contains("no match");

		Result duplicate = run(PASSWORD + "\n", concat(new String[] { "users", "create", "ROOT@example.org" }, common));
		assertThat(duplicate.exit).isEqualTo(1);
	}

	@Test
	void generatesLongRandomSecretKeys() throws Exception {
		Result first = run("", new String[] { "secret-key", "generate" });
		Result second = run("", new String[] { "secret-key", "generate" });
		assertThat(first.exit).isZero();
		assertThat(first.out.trim()).hasSize(64).isNotEqualTo(second.out.trim());
	}

	record Result(int exit, String out) {
	}

	private static Result run(String stdin, String[] args) {
		InputStream in = System.in;
		PrintStream out = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		try {
			System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			int exit = GatehouseCli.run(GatehouseServer.class, args);
			return new Result(exit, captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setIn(in);
			System.setOut(out);
		}
	}

	private static String[] concat(String[] a, String[] b) {
		String[] all = new String[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}
}
