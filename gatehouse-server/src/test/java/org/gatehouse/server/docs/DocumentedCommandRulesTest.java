package org.gatehouse.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which documented commands the walk-through can fill in, and which start-log warnings are documented. */
class DocumentedCommandRulesTest {

	@Test
	void placeholdersTheWalkThroughFillsAreNotForms() {
		Set<String> defined = DocumentedCommandsTest.definedNames("JAR=cookies.txt\ncsrf() { awk '{ print $7 }' \"$JAR\"; }\n");

		assertThat(defined).containsExactlyInAnyOrder("JAR", "csrf");
		assertThat(DocumentedCommandsTest.placeholder("curl -s -c $JAR -b $JAR -X DELETE -H \"X-CSRFToken: $(csrf)\" "
				+ "https://accounts.example.org/api/sessions/<id>", defined)).isNull();
		assertThat(DocumentedCommandsTest.placeholder("curl -s -H \"Authorization: Bearer $ADMIN_TOKEN\" -d "
				+ "'{\"token\":\"<last path segment of the mailed link>\"}' x", defined)).isNull();
		assertThat(DocumentedCommandsTest.placeholder("echo 'pw' | java -jar x.jar verify '$pbkdf2-sha512$1$a$b'", defined)).isNull();
	}

	@Test
	void anythingElseToFillInIsAForm() {
		assertThat(DocumentedCommandsTest.placeholder("echo \"$PW\" | java -jar x.jar users create a@b.org", Set.of())).isEqualTo("$PW");
		assertThat(DocumentedCommandsTest.placeholder("java -jar x.jar tasks run NAME", Set.of())).isEqualTo("NAME");
		assertThat(DocumentedCommandsTest.placeholder("curl -X POST localhost:8080/api/users/<user id>", Set.of())).isEqualTo("<user id>");
		assertThat(DocumentedCommandsTest.placeholder("java -jar x.jar users create ...", Set.of())).isEqualTo("...");
	}

	@Test
	void theRepositorysClusterAndBenchmarkScriptsAreSkippedWithTheirReason() {
		assertThat(DocumentedCommandsTest.skipReason("ops/cluster.sh up", Set.of())).startsWith("runs a cluster of its own");
		assertThat(DocumentedCommandsTest.skipReason("ops/reliability/run.sh", Set.of())).startsWith("a fault scenario");
		assertThat(DocumentedCommandsTest.skipReason("bench/run.sh", Set.of())).startsWith("a benchmark");
		assertThat(DocumentedCommandsTest.skipReason("java -jar x/gatehouse-server.jar tasks run session-cleaner", Set.of())).isNull();
	}

	@Test
	void onlyTheDocumentedWarningsMayBeLoggedAtStart() {
		String log = """
				2026-11-30T05:12:26.090Z  WARN 4714 --- [gatehouse] [main] org.gatehouse.crypto.SecretKeys : No gatehouse.secret-key configured: generated a development key into /tmp/data/secret-key. Never use it in production.
				2026-11-30T05:12:27.036Z  WARN 4714 --- [gatehouse] [main] r$InitializeUserDetailsManagerConfigurer : Global AuthenticationManager configured with an AuthenticationProvider bean. UserDetailsService beans will not be used
				2026-11-30T05:12:28.571Z  WARN 4714 --- [gatehouse] [main] org.gatehouse.admin.FirstAdminSetup : No administrator exists. Create the first one within 60 minutes at /setup/_jfFHlg (works once)
				2026-11-30T05:12:28.600Z  INFO 4714 --- [gatehouse] [main] org.gatehouse.server.GatehouseServer : Started GatehouseServer in 5 seconds
				2026-11-30T05:13:17.613Z  WARN 4714 --- [gatehouse] [exec-6] o.gatehouse.mail.TemplateAccountMailer : No SMTP server configured (spring.mail.host); mail to grace@example.org not sent.
				""";

		assertThat(DocumentedCommandsTest.undocumentedStartWarnings(log)).singleElement().asString()
			.contains("UserDetailsService beans will not be used");
	}
}
