package org.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;

import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditQuery;
import org.gatehouse.oidc.OidcClients;
import org.gatehouse.server.GatehouseServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The OpenID Connect provider's commands: clients are registered, listed and deleted through the service the admin
 * API uses (validated, audited, secret shown once and stored hashed); rotate-key publishes the new key beside the old.
 */
@SpringBootTest(classes = GatehouseServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.datasource.url=jdbc:h2:mem:gatehouse-cli-oidc;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
				"gatehouse.tasks.enabled=false", "gatehouse.passwords.rounds.pbkdf2_sha512=1000",
				"gatehouse.features.oidc-provider=true" })
class OidcCommandsTest {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	AuditLog auditLog;

	@LocalServerPort
	int port;

	private CommandLineTest.Result cli(String... args) {
		return CommandLineTest.capture("", () -> GatehouseCli.commandLine(Beans.starting(() -> context)).execute(args));
	}

	@Test
	void clientsAreCreatedListedAndDeletedWithTheSecretShownOnceAndAudited() {
		CommandLineTest.Result created = cli("clients", "create", "Library catalogue", "--redirect-uri",
				"https://catalogue.example.org/callback", "--scopes", "openid", "email", "--skip-consent",
				"--backchannel-logout-uri", "https://catalogue.example.org/backchannel");
		assertThat(created.exit()).as(created.err()).isZero();
		assertThat(created.out()).contains("Client Library catalogue registered", "client_id: ", "client_secret: ");
		String secret = created.out().lines().filter(l -> l.startsWith("client_secret: ")).findFirst().orElseThrow()
			.substring("client_secret: ".length());
		String stored = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select client_secret from oauth2_registered_client where client_name = 'Library catalogue'")
			.query(String.class).single();
		assertThat(stored).doesNotContain(secret);

		assertThat(cli("clients", "list").out()).contains("Library catalogue", "confidential", "email openid",
				"https://catalogue.example.org/callback");
		assertThat(context.getBean(OidcClients.class).find("Library catalogue").orElseThrow().backchannelLogoutUri())
			.isEqualTo("https://catalogue.example.org/backchannel");

		CommandLineTest.Result duplicate = cli("clients", "create", "Library catalogue", "--redirect-uri",
				"https://other.example.org/cb");
		assertThat(duplicate.exit()).isEqualTo(2);
		assertThat(duplicate.err()).contains("exists already");
		CommandLineTest.Result fragment = cli("clients", "create", "Bad", "--redirect-uri", "https://x.example.org/#f");
		assertThat(fragment.exit()).isEqualTo(2);
		assertThat(fragment.err()).contains("without a fragment");

		assertThat(cli("clients", "delete", "Library catalogue").exit()).isZero();
		assertThat(cli("clients", "delete", "Library catalogue").exit()).isEqualTo(1);
		assertThat(cli("clients", "list").out()).doesNotContain("Library catalogue");

		List<String> events = auditLog.search(AuditQuery.all(), 50).stream().map(e -> e.eventType() + " " + e.details())
			.toList();
		assertThat(events).contains("OIDC_CLIENT_CREATED Library catalogue", "OIDC_CLIENT_DELETED Library catalogue");
	}

	@Test
	void rotateKeyPublishesTheNewKeyBesideTheOld() throws Exception {
		JWKSet before = jwks();
		CommandLineTest.Result rotated = cli("oidc", "rotate-key");
		assertThat(rotated.exit()).as(rotated.err()).isZero();
		String kid = rotated.out().replaceAll("(?s).*New signing key (\\S+);.*", "$1");
		JWKSet after = jwks();
		assertThat(after.getKeyByKeyId(kid)).isNotNull();
		before.getKeys().forEach(old -> assertThat(after.getKeyByKeyId(old.getKeyID())).isNotNull());
		assertThat(after.getKeys()).allMatch(key -> !key.isPrivate());
	}

	private JWKSet jwks() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/jwks")).build(),
				HttpResponse.BodyHandlers.ofString());
		return JWKSet.parse(response.body());
	}
}
