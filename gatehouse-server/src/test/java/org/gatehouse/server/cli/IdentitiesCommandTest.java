package org.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.gatehouse.account.UserStore;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.server.GatehouseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code users identities} and {@code users unlink} on the command line's own (non-web) context with a provider
 * configured: the service the pages and the JSON API use, so the audit entry (no actor: the command line) and the
 * deletion of the stored tokens are theirs; without external sign-in, one clear line.
 */
class IdentitiesCommandTest {

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() throws Exception {
		Path dir = Files.createTempDirectory("gatehouse-cli-identities");
		context = GatehouseCli.startContext(GatehouseServer.class, new String[] {
				"--spring.datasource.url=jdbc:h2:mem:cli-identities;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
				"--gatehouse.data-directory=" + dir,
				"--gatehouse.login.providers.orcid.client-id=APP-TEST",
				"--gatehouse.login.providers.idp.issuer-uri=http://127.0.0.1:9/realms/staff",
				"--gatehouse.login.providers.idp.client-id=gatehouse" });
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	private static CommandLineTest.Result cli(ConfigurableApplicationContext on, String... args) {
		return CommandLineTest.capture("", () -> GatehouseCli.commandLine(Beans.starting(() -> on)).execute(args));
	}

	private static long identity(long userId, String provider, String subject) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("insert into gh_external_identity (user_id, provider, subject, email, created_at, last_used_at) "
				+ "values (?, ?, ?, ?, ?, null)").params(userId, provider, subject, "ada@orcid.example", now).update();
		long id = jdbc.sql("select id from gh_external_identity where subject = ?").param(subject).query(Long.class)
			.single();
		jdbc.sql("insert into gh_external_token (identity_id, access_token, scopes, updated_at) values (?, ?, ?, ?)")
			.params(id, "encrypted-elsewhere", "openid", now).update();
		return id;
	}

	private static int count(String sql, long id) {
		return context.getBean(JdbcClient.class).sql(sql).param(id).query(Integer.class).single();
	}

	@Test
	void listsAndUnlinksEvenTheLastWayToSignInThroughTheAuditedService() {
		String email = "cli-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long userId = context.getBean(UserStore.class).create(email, null, null, true);
		String subject = "0000-0002-" + UUID.randomUUID().toString().substring(0, 4);
		long orcid = identity(userId, "orcid", subject);

		CommandLineTest.Result list = cli(context, "users", "identities", email);
		assertThat(list.exit()).as(list.err()).isZero();
		assertThat(list.out().lines()).hasSize(1);
		assertThat(list.out().strip()).startsWith("orcid\tORCID\t" + subject + "\tada@orcid.example\t").endsWith("\t-");

		CommandLineTest.Result wrong = cli(context, "users", "unlink", email, "idp");
		assertThat(wrong.exit()).isEqualTo(1);
		assertThat(wrong.err().lines()).containsExactly("No idp identity is linked to " + email);

		CommandLineTest.Result unlink = cli(context, "users", "unlink", email, "orcid");
		assertThat(unlink.exit()).as(unlink.err()).isZero();
		assertThat(unlink.out().lines())
			.containsExactly("Unlinked the orcid identity of " + email + "; its stored tokens were deleted");
		assertThat(count("select count(*) from gh_external_identity where id = ?", orcid)).isZero();
		assertThat(count("select count(*) from gh_external_token where identity_id = ?", orcid)).isZero();
		assertThat(context.getBean(AuditLog.class).aboutUser(userId, null, 10))
			.extracting(e -> e.eventType() + " " + e.details() + " actor=" + e.actorUserId())
			.containsExactly("EXTERNAL_IDENTITY_UNLINKED orcid actor=null");

		CommandLineTest.Result none = cli(context, "users", "identities", email);
		assertThat(none.out().lines()).containsExactly(email + " has no linked identity");
		CommandLineTest.Result unknown = cli(context, "users", "identities", "nobody@example.org");
		assertThat(unknown.exit()).isEqualTo(1);
		assertThat(unknown.err().lines()).containsExactly("No user nobody@example.org");
	}

	@Test
	void withoutExternalSignInTheCommandsSaySo() {
		try (GenericApplicationContext withoutProviders = new GenericApplicationContext()) {
			withoutProviders.refresh();
			for (List<String> args : List.of(List.of("users", "identities", "ada@example.org"),
					List.of("users", "unlink", "ada@example.org", "orcid"))) {
				CommandLineTest.Result result = cli(withoutProviders, args.toArray(String[]::new));
				assertThat(result.exit()).isEqualTo(1);
				assertThat(result.err().lines())
					.containsExactly("External sign-in is not configured (no gatehouse.login.providers.*)");
			}
		}
	}
}
