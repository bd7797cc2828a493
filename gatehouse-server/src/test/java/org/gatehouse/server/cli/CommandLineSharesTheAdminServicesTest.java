package org.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.account.UserStore;
import org.gatehouse.admin.LoginLocks;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.mfa.MfaStore;
import org.gatehouse.password.PasswordService;
import org.gatehouse.server.GatehouseServer;
import org.gatehouse.throttle.AttemptCounters;
import org.gatehouse.throttle.LoginThrottle;
import org.gatehouse.throttle.LoginThrottle;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line changes roles, locks and bans through the services the admin pages and API use
 * (issue 16 item 6): the same role-name rule and message, the same audit events (actor null, no
 * address: the command line's convention) and the same session revocation when a role is taken.
 * A command that writes the user table directly fails here.
 */
@SpringBootTest(classes = GatehouseServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.datasource.url=jdbc:h2:mem:gatehouse-cli-services;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
				"gatehouse.tasks.enabled=false", "gatehouse.passwords.rounds.pbkdf2_sha512=1000",
				// an admin of these tests signs in by password alone
				"gatehouse.mfa.required-roles=" })
class CommandLineSharesTheAdminServicesTest {

	private static final String PASSWORD = "velvet-canyon-drum-91";
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	AuditLog auditLog;

	@LocalServerPort
	int port;

	/** Runs a command on this application's services, as the CLI runs it on its own context. */
	private static CommandLineTest.Result cli(String stdin, Beans beans, String... args) {
		return CommandLineTest.capture(stdin, () -> GatehouseCli.commandLine(beans).execute(args));
	}

	private CommandLineTest.Result cli(String... args) {
		return cli("", Beans.starting(() -> context), args);
	}

	private long newUser(String... roles) {
		long id = users.create("u" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", null,
				passwords.hashNew(PASSWORD), true);
		for (String role : roles) {
			users.addRole(id, role);
		}
		return id;
	}

	private String email(long id) {
		return users.findById(id).orElseThrow().email();
	}

	private List<String> audit(long userId) {
		return auditLog.aboutUser(userId, null, 10).stream()
			.map(e -> e.eventType() + " " + e.details() + " actor=" + e.actorUserId() + " ip=" + e.ip())
			.toList();
	}

	@Test
	void anInvalidRoleNameIsRefusedWithTheApisMessageAndNothingChanges() {
		long id = newUser();
		CommandLineTest.Result add = cli("roles", "add", email(id), "bad role!");
		assertThat(add.exit()).isEqualTo(2);
		assertThat(add.err().lines()).containsExactly("Not a valid role name.");
		assertThat(users.findById(id).orElseThrow().roles()).isEmpty();
		assertThat(audit(id)).isEmpty();

		CommandLineTest.Result create = cli(PASSWORD + "\n", Beans.starting(() -> context), "users", "create",
				"n" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "--role", "ok", "--role", "Bad Role");
		assertThat(create.exit()).isEqualTo(2);
		assertThat(create.err().lines()).containsExactly("Not a valid role name.");
	}

	@Test
	void rolesGivenByTheCommandLineAreNormalisedAndAudited() {
		long id = newUser();
		CommandLineTest.Result add = cli("roles", "add", email(id), " Editor ");
		assertThat(add.exit()).as(add.err()).isZero();
		assertThat(users.findById(id).orElseThrow().roles()).containsExactly("editor");
		assertThat(audit(id)).containsExactly("ROLE_ADDED editor actor=null ip=null");

		String email = "n" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		CommandLineTest.Result create = cli(PASSWORD + "\n", Beans.starting(() -> context), "users", "create", email,
				"--role", "Admin");
		assertThat(create.exit()).as(create.err()).isZero();
		long created = users.findByEmail(email).orElseThrow().id();
		assertThat(users.findById(created).orElseThrow().roles()).containsExactly("admin");
		assertThat(audit(created)).containsExactly("ROLE_ADDED admin actor=null ip=null");
	}

	@Test
	void takingARoleEndsTheUsersOpenSessionAndIsAudited() throws Exception {
		long id = newUser("admin");
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(10)).build();
		String base = "http://localhost:" + port;
		String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login/")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).as(page).isTrue();
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login/"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
					+ "&login=" + URLEncoder.encode(email(id), StandardCharsets.UTF_8) + "&password=" + PASSWORD))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		HttpRequest adminPage = HttpRequest.newBuilder(URI.create(base + "/admin/users/")).build();
		assertThat(browser.send(adminPage, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

		CommandLineTest.Result missing = cli("roles", "remove", email(id), "editor");
		assertThat(missing.exit()).isEqualTo(1);
		assertThat(missing.err().lines()).containsExactly("The user does not have this role");

		CommandLineTest.Result remove = cli("roles", "remove", email(id), "admin");
		assertThat(remove.exit()).as(remove.err()).isZero();
		HttpResponse<String> next = browser.send(adminPage, HttpResponse.BodyHandlers.ofString());
		assertThat(next.statusCode()).as("the session's next request").isEqualTo(302);
		assertThat(next.headers().firstValue("Location").orElseThrow()).contains("/login");
		assertThat(audit(id)).first().isEqualTo("ROLE_REMOVED admin actor=null ip=null");
	}

	@Test
	void unlockingAnAccountIsAudited() {
		long id = newUser();
		// the command refuses per-server memory counters; any shared store will do for the audit
		AttemptCounters shared = Mockito.mock(AttemptCounters.class);

		Beans beans = Beans.of(context.getBean(LoginThrottle.class), shared, users, context.getBean(LoginLocks.class));
		CommandLineTest.Result unlock = cli("", beans, "users", "unlock", email(id));
		assertThat(unlock.exit()).as(unlock.err()).isZero();
		assertThat(audit(id)).containsExactly("USER_UNLOCKED null actor=null ip=null");
	}

	@Test
	void resettingSecondFactorsGoesThroughTheAdminServiceAndIsAudited() {
		long id = newUser();
		MfaStore store = context.getBean(MfaStore.class);
		store.saveTotp(id, "not-read-by-the-reset", 1, java.time.Instant.now());
		store.replaceRecoveryCodes(id, List.of("0".repeat(64)), java.time.Instant.now());

		CommandLineTest.Result reset = cli("users", "mfa-reset", email(id));
		assertThat(reset.exit()).as(reset.err()).isZero();
		assertThat(store.totp(id)).isEmpty();
		assertThat(store.unusedRecoveryCodes(id)).isZero();
		assertThat(audit(id)).containsExactly("SECOND_FACTORS_RESET null actor=null ip=null");

		CommandLineTest.Result unknown = cli("users", "mfa-reset", "nobody-" + UUID.randomUUID() + "@example.org");
		assertThat(unknown.exit()).isEqualTo(1);
	}
}
