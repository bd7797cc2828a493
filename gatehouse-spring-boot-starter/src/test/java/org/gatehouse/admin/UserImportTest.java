package org.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@GatehouseIntegrationTest
class UserImportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	UserImport userImport;

	@Autowired
	AuditLog auditLog;

	@TempDir
	Path dir;

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void importsACsvExportKeepingHashesThatLoginUpgrades() throws Exception {
		String t = tag();
		PasslibVectors sha1 = PasslibVectors.of("pbkdf2_sha1");
		PasslibVectors sha512Crypt = PasslibVectors.of("sha512_crypt");
		PasslibVectors bcrypt = PasslibVectors.of("bcrypt");
		Path csv = write("users.csv", String.join("\n",
				"email,username,password,active,confirmed_at,roles",
				"ann" + t + "@example.org,ann" + t + "," + sha1.hash() + ",True,2020-01-02 03:04:05.123456,\"editor,reviewer\"",
				"bob" + t + "@example.org,," + sha512Crypt.hash() + ",true,,editor viewer",
				"cid" + t + "@example.org,,\"" + bcrypt.hash() + "\",False,2021-05-06T07:08:09Z,",
				"bad-hash" + t + "@example.org,,$pbkdf2$2900$notbase64!$xx,true,,",
				"md5" + t + "@example.org,,$1$abcdefgh$0123456789012345678901,true,,",
				"not-an-email,,,true,,",
				"ann" + t + "@EXAMPLE.org,,,true,,",
				"short" + t + "@example.org,onlytwo",
				""));

		ImportReport report = userImport.run(UserExportReader.read(csv), false);

		assertThat(report.imported()).extracting(ImportReport.Row::line).containsExactly(2, 3, 4);
		assertThat(report.rejected()).extracting(ImportReport.Row::line).containsExactly(5, 6, 7, 8, 9);
		assertThat(report.rejected()).extracting(ImportReport.Row::reason).anyMatch(r -> r.contains("malformed"))
			.anyMatch(r -> r.contains("no enabled scheme")).anyMatch(r -> r.contains("earlier in the file"));

		User ann = users.findByEmail("ann" + t + "@example.org").orElseThrow();
		assertThat(ann.passwordHash()).isEqualTo(sha1.hash());
		assertThat(ann.username()).isEqualTo("ann" + t);
		assertThat(ann.confirmedAt()).hasToString("2020-01-02T03:04:05.123456Z");
		assertThat(ann.roles()).containsExactlyInAnyOrder("editor", "reviewer");
		User bob = users.findByEmail("bob" + t + "@example.org").orElseThrow();
		assertThat(bob.confirmed()).isFalse();
		assertThat(bob.roles()).containsExactlyInAnyOrder("editor", "viewer");
		assertThat(users.findByEmail("cid" + t + "@example.org").orElseThrow().active()).isFalse();
		assertThat(auditLog.aboutUser(ann.id(), null, 10)).extracting(e -> e.eventType()).contains("USER_IMPORTED");

		WebClient annBrowser = new WebClient(mvc);
		assertThat(annBrowser.login("ann" + t + "@example.org", sha1.password()).getResponse().getRedirectedUrl())
			.isEqualTo("/");
		assertThat(users.findById(ann.id()).orElseThrow().passwordHash()).startsWith("$pbkdf2-sha512$");
		WebClient bobBrowser = new WebClient(mvc);
		assertThat(bobBrowser.login("bob" + t + "@example.org", sha512Crypt.password()).getResponse()
			.getRedirectedUrl()).isEqualTo("/");
		assertThat(users.findById(bob.id()).orElseThrow().passwordHash()).startsWith("$pbkdf2-sha512$");

		ImportReport again = userImport.run(UserExportReader.read(csv), false);
		assertThat(again.imported()).isEmpty();
		assertThat(again.skipped()).extracting(ImportReport.Row::line).containsExactly(2, 3, 4);
	}

	@Test
	void importsAJsonExportAndDryRunsChangeNothing() throws Exception {
		String t = tag();
		PasslibVectors sha256 = PasslibVectors.of("pbkdf2_sha256");
		PasslibVectors argon2 = PasslibVectors.of("argon2");
		Path json = write("users.json", """
				{"users": [
				  {"email": "dora%1$s@example.org", "username": "dora%1$s", "password": "%2$s",
				   "active": true, "confirmed_at": "2022-02-03T04:05:06+01:00", "roles": ["editor", "admin"]},
				  {"email": "eve%1$s@example.org", "password": "%3$s", "active": true, "confirmed_at": null,
				   "roles": []},
				  {"email": "fay%1$s@example.org", "password": "sha1$nonsense", "active": true}
				]}
				""".formatted(t, sha256.hash(), argon2.hash()));

		ImportReport dryRun = userImport.run(UserExportReader.read(json), true);
		assertThat(dryRun.dryRun()).isTrue();
		assertThat(dryRun.imported()).extracting(ImportReport.Row::line).containsExactly(2, 4);
		assertThat(dryRun.rejected()).extracting(ImportReport.Row::line).containsExactly(6);
		assertThat(users.findByEmail("dora" + t + "@example.org")).isEmpty();

		ImportReport report = userImport.run(UserExportReader.read(json), false);
		assertThat(report.imported()).hasSize(2);
		User dora = users.findByEmail("dora" + t + "@example.org").orElseThrow();
		assertThat(dora.roles()).containsExactlyInAnyOrder("editor", "admin");
		assertThat(dora.confirmedAt()).hasToString("2022-02-03T03:05:06Z");
		assertThat(new WebClient(mvc).login("dora" + t, sha256.password()).getResponse().getRedirectedUrl())
			.isEqualTo("/");
		assertThat(new WebClient(mvc).login("eve" + t + "@example.org", argon2.password()).getResponse()
			.getRedirectedUrl()).isEqualTo("/");

		assertThat(userImport.run(UserExportReader.read(json), false).imported()).isEmpty();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(dir.resolve(name), content);
	}
}
