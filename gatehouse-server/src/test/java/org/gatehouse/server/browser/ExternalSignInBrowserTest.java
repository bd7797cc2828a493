package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.PASSWORD;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.login.external.ExternalIdentityStore;
import org.gatehouse.login.external.ExternalAccounts;
import org.gatehouse.login.external.IdentityLinks;
import org.gatehouse.crypto.Signers;
import org.gatehouse.login.external.LinkedIdentity;
import org.gatehouse.mfa.Base32;
import org.gatehouse.mfa.MfaStore;
import org.gatehouse.mfa.TotpFactor;
import org.gatehouse.oidc.CreatedOidcClient;
import org.gatehouse.password.PasswordService;
import org.gatehouse.server.GatehouseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * External sign-in over real HTTP in headless Chromium, against a second Gatehouse acting as the OpenID Connect
 * provider ({@link ProviderGatehouse}: the real server with its provider on and its data in PostgreSQL, started once
 * for the class) and a local stand-in for GitHub's OAuth and user API ({@link GitHubStub}). The Gatehouse under test
 * is the real server with three providers: "idp" (the second Gatehouse, generic OpenID Connect by issuer URL, read by
 * discovery), "idptokens" (the same provider through a second client, store-tokens on) and "github" (the GitHub
 * preset). The provider's {@code email_verified} is its user's confirmation: a confirmed account on the second
 * Gatehouse is a verified address, an unconfirmed one is not.
 */
@SpringBootTest(classes = GatehouseServer.class, webEnvironment = WebEnvironment.DEFINED_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:external;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=external-test-secret-key-0123456789-abcdefghijk",
		"gatehouse.passwords.rounds.pbkdf2_sha512=1000",
		// its administrator signs in by password alone; MfaBrowserTest covers the default policy
		"gatehouse.mfa.required-roles=" })
class ExternalSignInBrowserTest {

	private static final int PORT = freePort();
	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
	/** The provider's database: its token tables on PostgreSQL, the Gatehouse under test's on H2. */
	private static final ThrowawayPostgres PROVIDER_DATABASE = ThrowawayPostgres.start();
	private static final ProviderGatehouse IDP = ProviderGatehouse.start(freePort(), PROVIDER_DATABASE.jdbcUrl(), RUN);
	/** Registered with the Gatehouse under test's back-channel logout endpoint, as docs/sso.md tells operators. */
	private static final CreatedOidcClient IDP_CLIENT = IDP.registerClient("Gatehouse under test",
			"http://localhost:" + PORT + "/login/oauth2/code/idp",
			"http://localhost:" + PORT + "/logout/connect/back-channel/idp");
	private static final CreatedOidcClient TOKENS_CLIENT = IDP.registerClient("Gatehouse under test, tokens kept",
			"http://localhost:" + PORT + "/login/oauth2/code/idptokens");
	private static final GitHubStub GITHUB = gitHub();
	/** A mail server of this class's own: the shared one's fixed port may be taken by another run on the machine. */
	private static final GreenMail MAIL = mailServer();

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		String idp = "gatehouse.login.providers.idp.";
		registry.add(idp + "issuer-uri", IDP::issuer);
		registry.add(idp + "client-id", () -> IDP_CLIENT.client().clientId());
		registry.add(idp + "client-secret", IDP_CLIENT::clientSecret);
		registry.add(idp + "display-name", () -> "Test IdP");
		String tokens = "gatehouse.login.providers.idptokens.";
		registry.add(tokens + "issuer-uri", IDP::issuer);
		registry.add(tokens + "client-id", () -> TOKENS_CLIENT.client().clientId());
		registry.add(tokens + "client-secret", TOKENS_CLIENT::clientSecret);
		registry.add(tokens + "store-tokens", () -> "true");
		String github = "gatehouse.login.providers.github.";
		registry.add(github + "client-id", () -> GitHubStub.CLIENT_ID);
		registry.add(github + "client-secret", () -> GitHubStub.CLIENT_SECRET);
		registry.add(github + "authorization-uri", () -> GITHUB.url("/login/oauth/authorize"));
		registry.add(github + "token-uri", () -> GITHUB.url("/login/oauth/access_token"));
		registry.add(github + "user-info-uri", () -> GITHUB.url("/user"));
		registry.add(github + "user-emails-uri", () -> GITHUB.url("/user/emails"));
	}

	@AfterAll
	static void stopProviders() {
		IDP.close();
		PROVIDER_DATABASE.close();
		GITHUB.close();
		MAIL.stop();
	}

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	ExternalIdentityStore identities;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void firstSignInWithAVerifiedAddressCreatesAConfirmedAccountAndTheNextOneLogsIn() {
		String subject = IDP.createUser("newcomer", true);
		try (Browser browser = Browser.start(PORT)) {
			browser.open("/login/");
			assertThat(browser.waitFor(By.id("external-login-idp")).getText()).isEqualTo("Sign in with Test IdP");
			assertThat(browser.has(By.id("external-login-github"))).isTrue();
			signInAtProvider(browser, "idp", "newcomer");

			assertThat(browser.path()).isEqualTo("/login/external/");
			assertThat(browser.waitFor(By.id("external-email")).getText()).contains(IDP.email("newcomer"))
				.contains("confirmed by the provider");
			assertThat(loggedIn(browser)).as("nothing is logged in before the user chooses").isFalse();
			browser.open("/login/external/").submit(By.id("external-register"));

			assertThat(browser.waitFor(By.id("welcome")).getText()).contains(IDP.email("newcomer"));
			User user = users.findByEmail(IDP.email("newcomer")).orElseThrow();
			assertThat(user.confirmed()).isTrue();
			assertThat(user.passwordHash()).isNull();
			assertThat(fullName(user.id())).as("the provider's name claim").isEqualTo(IDP.fullName("newcomer"));
			assertThat(user.loginCount()).isEqualTo(1);
			assertThat(identities.ofUser(user.id())).extracting(LinkedIdentity::provider, LinkedIdentity::subject)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("idp", subject));
			assertThat(events(user.id())).contains("REGISTRATION idp", "EXTERNAL_IDENTITY_LINKED idp", "LOGIN_SUCCESS external:idp");
			assertThat(browser.cookie("gatehouse_session")).isNotNull();

			// signed out, the same identity signs straight in (the provider remembers the browser)
			browser.submit(By.id("nav-logout"));
			assertThat(loggedIn(browser)).isFalse();
			browser.open("/login/");
			signInAtProvider(browser, "idp", null);
			assertThat(browser.waitFor(By.id("welcome")).getText()).contains(IDP.email("newcomer"));
			assertThat(users.findById(user.id()).orElseThrow().loginCount()).isEqualTo(2);
			browser.open("/account/security-log/");
			assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Account created")
				.contains("Account linked").contains("with idp");
			assertThat(identities.ofUser(user.id()).get(0).lastUsedAt()).isNotNull();
		}
	}

	@Test
	void anExistingAccountIsLinkedOnlyAfterItsPasswordIsGiven() {
		String email = IDP.email("linker");
		IDP.createUser("linker", true);
		long userId = users.create(email, null, passwords.hashNew(PASSWORD), true);
		try (Browser browser = Browser.start(PORT)) {
			browser.open("/login/");
			signInAtProvider(browser, "idp", "linker");
			// the provider verified the address that has an account: still no login and no link without proof
			assertThat(browser.path()).isEqualTo("/login/external/");
			assertThat(loggedIn(browser)).isFalse();
			assertThat(identities.ofUser(userId)).isEmpty();

			browser.open("/login/external/");
			browser.submit(By.id("external-register"));
			assertThat(browser.waitFor(By.id("external-error")).getText()).contains("already has an account");
			assertThat(identities.ofUser(userId)).isEmpty();

			browser.type(By.id("login"), email).type(By.id("password"), "wrong-password-1");
			browser.submit(By.id("external-link"));
			assertThat(browser.waitFor(By.id("external-error")).getText()).contains("not correct");
			assertThat(identities.ofUser(userId)).isEmpty();

			browser.type(By.id("login"), email).type(By.id("password"), PASSWORD);
			browser.submit(By.id("external-link"));
			assertThat(browser.path()).isEqualTo("/account/settings/accounts/");
			assertThat(browser.waitFor(By.id("accounts-notice")).getText()).contains("linked");
			assertThat(browser.waitFor(By.id("identity-idp")).getText()).contains("Test IdP").contains(email);
			assertThat(identities.ofUser(userId)).hasSize(1);
			assertThat(fullName(userId)).as("linking renames nothing").isNull();
			assertThat(events(userId)).contains("EXTERNAL_IDENTITY_LINKED idp", "LOGIN_SUCCESS password");
			browser.open("/account/security-log/");
			assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Account linked")
				.contains("with the password");

			// administrators see the identity on the user's page
			String adminEmail = Accounts.uniqueEmail();
			long adminId = users.create(adminEmail, null, passwords.hashNew(PASSWORD), true);
			users.addRole(adminId, "admin");
			try (Browser admin = Browser.start(PORT)) {
				Accounts.loginSucceeds(admin, adminEmail, PASSWORD, false);
				admin.open("/admin/users/" + userId);
				assertThat(admin.waitFor(By.id("user-identities")).getText()).contains("Test IdP").contains(email);
			}

			browser.submit(By.id("nav-logout"));
			browser.open("/login/");
			signInAtProvider(browser, "idp", null);
			assertThat(browser.waitFor(By.id("welcome")).getText()).contains(email);
		}
	}

	@Test
	void aMailedLinkToTheAccountsOwnAddressLinksWithoutAPassword() throws Exception {
		String email = IDP.email("relinker");
		String subject = IDP.createUser("relinker", true);
		long userId = users.create(email, null, null, true);
		try (Browser browser = Browser.start(PORT)) {
			browser.open("/login/");
			signInAtProvider(browser, "idp", "relinker");
			browser.open("/login/external/");
			browser.type(By.id("mail-login"), "nobody-" + RUN + "@example.org").submit(By.id("external-mail"));
			assertThat(browser.waitFor(By.id("external-notice")).getText()).contains("If an account has");
			browser.type(By.id("mail-login"), email).submit(By.id("external-mail"));
			assertThat(browser.waitFor(By.id("external-notice")).getText()).contains("If an account has");
			assertThat(identities.ofUser(userId)).isEmpty();

			String link = awaitLink(email);
			assertThat(link).startsWith(browser.url("/login/external/confirm?token="));
			browser.open(link);
			assertThat(identities.ofUser(userId)).as("opening the link alone links nothing").isEmpty();
			browser.submit(By.id("external-confirm"));
			assertThat(browser.waitFor(By.id("message")).getText()).contains("Test IdP").contains("linked");
			assertThat(identities.ofUser(userId)).extracting(LinkedIdentity::subject).containsExactly(subject);
			assertThat(events(userId)).contains("EXTERNAL_IDENTITY_LINKED idp");

			browser.open("/login/");
			signInAtProvider(browser, "idp", null);
			assertThat(browser.waitFor(By.id("welcome")).getText()).contains(email);
		}
		assertThat(java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> recipient(m).contains("nobody-" + RUN)))
			.as("no mail for a login without an account").isEmpty();
	}

	@Test
	void anUnverifiedAddressNeitherLinksNorSignsInNorCreatesAnAccount() {
		// an unconfirmed account on the second Gatehouse: its ID token says email_verified false
		String subject = IDP.createUser("unverified", false);
		String email = IDP.email("unverified");
		long userId = users.create(email, null, passwords.hashNew(PASSWORD), true);
		try (Browser browser = Browser.start(PORT)) {
			browser.open("/login/");
			signInAtProvider(browser, "idp", "unverified");
			assertThat(browser.path()).isEqualTo("/login/external/");
			assertThat(browser.waitFor(By.id("external-email")).getText()).contains(email).contains("not confirmed");
			assertThat(browser.has(By.id("external-register"))).isFalse();
			assertThat(loggedIn(browser)).as("not signed in to the account of the same address").isFalse();

			// the form is not offered; posted anyway (with the page's CSRF token), it is refused
			browser.open("/login/external/");
			browser.script("var form = document.getElementById('external-link-form').cloneNode(true);"
					+ "form.action = '/login/external/register'; document.body.appendChild(form); form.submit();");
			assertThat(browser.waitFor(By.id("external-error")).getText()).contains("did not confirm an email address");
			assertThat(loggedIn(browser)).isFalse();
			assertThat(identities.find("idp", subject)).isEmpty();
			assertThat(identities.ofUser(userId)).isEmpty();
			assertThat(jdbc.sql("select count(*) from gh_external_identity where provider = 'idp' and subject = ?")
				.param(subject).query(Integer.class).single()).isZero();
			assertThat(users.findByEmail(email).orElseThrow().id()).as("no second account").isEqualTo(userId);

			// confirmed on the provider, the next sign-in reports a verified address: still no link without proof
			IDP.confirm("unverified");
			browser.open("/login/");
			signInAtProvider(browser, "idp", null);
			assertThat(browser.waitFor(By.id("external-email")).getText()).contains(email)
				.contains("confirmed by the provider");
			assertThat(loggedIn(browser)).isFalse();
			assertThat(identities.find("idp", subject)).isEmpty();
		}
	}

	@Test
	void theLastWayToSignInCannotBeUnlinkedAndAnotherProviderCanBeLinkedFromTheAccountsPage() {
		IDP.createUser("unlinker", true);
		GITHUB.signIn(new GitHubStub.GitHubUser(4242_0001L + Math.abs(RUN.hashCode() % 1000), "octo-" + RUN,
				"octo-" + RUN + "@example.org", true));
		try (Browser browser = Browser.start(PORT)) {
			browser.open("/login/");
			signInAtProvider(browser, "idp", "unlinker");
			browser.open("/login/external/").submit(By.id("external-register"));
			User user = users.findByEmail(IDP.email("unlinker")).orElseThrow();

			browser.open("/account/settings/accounts/");
			browser.submit(By.id("unlink-idp"));
			assertThat(browser.waitFor(By.id("accounts-notice")).getText()).contains("only way to sign in");
			assertThat(identities.ofUser(user.id())).hasSize(1);

			browser.driver().findElement(By.id("link-github")).click();
			waitForGatehouse(browser);
			assertThat(browser.waitFor(By.id("accounts-notice")).getText()).contains("linked");
			assertThat(browser.has(By.id("identity-github"))).isTrue();
			assertThat(loggedIn(browser)).as("still the same user").isTrue();

			browser.open("/account/settings/accounts/");
			browser.submit(By.id("unlink-idp"));
			assertThat(browser.waitFor(By.id("accounts-notice")).getText()).contains("unlinked");
			assertThat(identities.ofUser(user.id())).extracting(LinkedIdentity::provider).containsExactly("github");
			assertThat(events(user.id())).contains("EXTERNAL_IDENTITY_LINKED github", "EXTERNAL_IDENTITY_UNLINKED idp");

			// unlinked, the identity is a stranger again: the choice page, not the account of its address
			browser.submit(By.id("nav-logout"));
			browser.open("/login/");
			signInAtProvider(browser, "idp", null);
			assertThat(browser.path()).isEqualTo("/login/external/");
			assertThat(loggedIn(browser)).isFalse();
			browser.open("/login/external/").submit(By.id("external-register"));
			assertThat(browser.waitFor(By.id("external-error")).getText()).contains("already has an account");
			assertThat(identities.ofUser(user.id())).extracting(LinkedIdentity::provider).containsExactly("github");
		}
	}

	@Test
	void tokensAreStoredEncryptedOnlyWhenAskedAndDeletedOnUnlink() {
		IDP.createUser("keeper", true);
		long userId = users.create(IDP.email("keeper"), null, passwords.hashNew(PASSWORD), true);
		try (Browser browser = Browser.start(PORT)) {
			Accounts.loginSucceeds(browser, IDP.email("keeper"), PASSWORD, false);
			browser.open("/account/settings/accounts/");
			browser.driver().findElement(By.id("link-idp")).click();
			signInAtProvider(browser, null, "keeper");
			assertThat(browser.waitFor(By.id("accounts-notice")).getText()).contains("linked");
			assertThat(identities.tokens(userId, "idp")).as("idp does not store tokens").isEmpty();

			browser.open("/account/settings/accounts/");
			browser.driver().findElement(By.id("link-idptokens")).click();
			waitForGatehouse(browser);
			assertThat(browser.waitFor(By.id("accounts-notice")).getText()).contains("linked");
			var stored = identities.tokens(userId, "idptokens").orElseThrow();
			assertThat(stored.accessToken()).isNotBlank();
			assertThat(stored.refreshToken()).isNotBlank();
			String column = jdbc.sql("select t.access_token from gh_external_token t join gh_external_identity i "
					+ "on i.id = t.identity_id where i.user_id = ?").param(userId).query(String.class).single();
			assertThat(column).as("stored encrypted").doesNotContain(stored.accessToken());

			browser.open("/account/settings/accounts/");
			browser.submit(By.id("unlink-idptokens"));
			assertThat(browser.waitFor(By.id("accounts-notice")).getText()).contains("unlinked");
			assertThat(identities.tokens(userId, "idptokens")).isEmpty();
			assertThat(jdbc.sql("select count(*) from gh_external_token t join gh_external_identity i "
					+ "on i.id = t.identity_id where i.user_id = ?").param(userId).query(Integer.class).single())
				.isZero();
		}
	}

	@Test
	void aForgedStateIsRefusedWithABadRequestPage() {
		try (Browser browser = Browser.start(PORT)) {
			browser.openExpectingStatus("/login/oauth2/code/idp?code=forged&state=forged", 400);
			assertThat(loggedIn(browser)).isFalse();
			browser.openExpectingStatus("/oauth2/authorization/nosuchprovider", 404);
		}
	}

	@Test
	void aBannedUsersLinkedIdentityIsRefused() {
		// linked as the Invenio migration writes identities: a row of gh_external_identity
		String subject = IDP.createUser("banned", true);
		long userId = users.create(IDP.email("banned"), null, passwords.hashNew(PASSWORD), true);
		jdbc.sql("insert into gh_external_identity (user_id, provider, subject, email, created_at) "
				+ "values (?, 'idp', ?, ?, current_timestamp)").params(userId, subject, IDP.email("banned")).update();
		users.setActive(userId, false);
		try (Browser browser = Browser.start(PORT)) {
			browser.open("/login/");
			signInAtProvider(browser, "idp", "banned");
			assertThat(browser.path()).isEqualTo("/login/");
			assertThat(browser.has(By.id("login-error"))).isTrue();
			assertThat(loggedIn(browser)).isFalse();
			assertThat(events(userId)).anyMatch(e -> e.startsWith("LOGIN_FAILURE Disabled"));
		}
	}

	@Autowired
	MfaStore mfa;

	@Autowired
	Signers signers;

	@Test
	void anAccountWithASecondFactorStillAnswersItAfterTheProvider() {
		// the provider replaces only the password: a linked account with TOTP goes to the second step
		String subject = IDP.createUser("twostep", true);
		long userId = users.create(IDP.email("twostep"), null, passwords.hashNew(PASSWORD), true);
		jdbc.sql("insert into gh_external_identity (user_id, provider, subject, email, created_at) "
				+ "values (?, 'idp', ?, ?, current_timestamp)").params(userId, subject, IDP.email("twostep")).update();
		byte[] secret = new byte[20];
		new java.security.SecureRandom().nextBytes(secret);
		mfa.saveTotp(userId, signers.fieldEncryptor(TotpFactor.SECRET_PURPOSE).encrypt(Base32.encode(secret)), -1,
				java.time.Instant.now());
		try (Browser browser = Browser.start(PORT)) {
			browser.open("/login/");
			signInAtProvider(browser, "idp", "twostep");
			assertThat(browser.path()).isEqualTo("/login/second-factor/");
			assertThat(browser.has(By.id("totp-form"))).isTrue();
			assertThat(loggedIn(browser)).as("not signed in before the second factor").isFalse();
		}
	}

	@Test
	void linkingWithThePasswordOfAnAccountWithASecondFactorAsksForItBeforeSigningIn() {
		String email = IDP.email("linktwostep");
		IDP.createUser("linktwostep", true);
		long userId = users.create(email, null, passwords.hashNew(PASSWORD), true);
		byte[] secret = new byte[20];
		new java.security.SecureRandom().nextBytes(secret);
		mfa.saveTotp(userId, signers.fieldEncryptor(TotpFactor.SECRET_PURPOSE).encrypt(Base32.encode(secret)), -1,
				java.time.Instant.now());
		try (Browser browser = Browser.start(PORT)) {
			browser.open("/login/");
			signInAtProvider(browser, "idp", "linktwostep");
			browser.type(By.id("login"), email).type(By.id("password"), PASSWORD);
			browser.submit(By.id("external-link"));
			assertThat(browser.path()).isEqualTo("/login/second-factor/");
			assertThat(browser.has(By.id("totp-form"))).isTrue();
			assertThat(loggedIn(browser)).as("the password alone does not sign in").isFalse();
			assertThat(identities.ofUser(userId)).as("the identity is linked: the password proved the account")
				.hasSize(1);
		}
	}

	@Test
	void gitHubSignInUsesThePrimaryVerifiedAddressOfTheEmailsApi() {
		GitHubStub.GitHubUser octo = new GitHubStub.GitHubUser(9_000_000L + Math.abs(RUN.hashCode() % 100000),
				"hub-" + RUN, "hub-" + RUN + "@example.org", true);
		GITHUB.signIn(octo);
		try (Browser browser = Browser.start(PORT)) {
			browser.open("/login/");
			browser.driver().findElement(By.id("external-login-github")).click();
			waitForGatehouse(browser);
			assertThat(browser.path()).isEqualTo("/login/external/");
			assertThat(browser.waitFor(By.id("external-email")).getText()).contains(octo.email())
				.contains("confirmed by the provider");
			browser.open("/login/external/").submit(By.id("external-register"));
			assertThat(browser.waitFor(By.id("welcome")).getText()).contains(octo.email());
			User user = users.findByEmail(octo.email()).orElseThrow();
			assertThat(identities.ofUser(user.id())).extracting(LinkedIdentity::subject)
				.containsExactly(Long.toString(octo.id()));
		}
	}

	@Test
	void aBanOnTheProviderEndsTheSessionItsSignInStartedAndNoOther() {
		String subject = IDP.createUser("leaver", true);
		long userId = linkedAccount("leaver", subject);
		try (Browser browser = Browser.start(PORT); Browser byPassword = Browser.start(PORT)) {
			Accounts.loginSucceeds(byPassword, IDP.email("leaver"), PASSWORD, false);
			browser.open("/login/");
			signInAtProvider(browser, "idp", "leaver");
			assertThat(browser.waitFor(By.id("welcome")).getText()).contains(IDP.email("leaver"));

			IDP.ban("leaver");

			// the provider posts its logout token without waiting for it: poll
			new WebDriverWait(browser.driver(), Browser.TIMEOUT).until(d -> !loggedIn(browser));
			assertThat(loggedIn(byPassword)).as("the password login was not started by the provider").isTrue();
			assertThat(events(userId)).contains("EXTERNAL_SIGNED_OUT Test IdP");
			byPassword.open("/account/security-log/");
			assertThat(byPassword.driver().findElement(By.tagName("main")).getText())
				.contains("Signed out by the provider").contains("Test IdP");
		}
	}

	@Autowired
	IdentityLinks identityLinks;

	@Test
	void anAdministratorsUnlinkEndsTheSessionsThatIdentityStartedAndNoOther() {
		String subject = IDP.createUser("takenover", true);
		long userId = linkedAccount("takenover", subject);
		try (Browser browser = Browser.start(PORT); Browser byPassword = Browser.start(PORT)) {
			Accounts.loginSucceeds(byPassword, IDP.email("takenover"), PASSWORD, false);
			browser.open("/login/");
			signInAtProvider(browser, "idp", "takenover");
			assertThat(loggedIn(browser)).isTrue();

			assertThat(identityLinks.unlinkByAdmin(null, userId, "idp")).isEqualTo(ExternalAccounts.UnlinkOutcome.UNLINKED);
			assertThat(loggedIn(browser)).as("the provider could no longer end it by back-channel logout").isFalse();
			assertThat(loggedIn(byPassword)).isTrue();
		}
	}

	@Test
	void forgedOrReplayedLogoutTokensAreRefusedWithABadRequestAndEndNothing() throws Exception {
		String subject = IDP.createUser("stayer", true);
		long userId = linkedAccount("stayer", subject);
		String clientId = IDP_CLIENT.client().clientId();
		try (Browser browser = Browser.start(PORT)) {
			browser.open("/login/");
			signInAtProvider(browser, "idp", "stayer");
			assertThat(loggedIn(browser)).isTrue();

			assertThat(postLogoutToken("idp", IDP.logoutToken(clientId, subject, true, claims -> {
			}))).as("signed with a key the provider never published").isEqualTo(400);
			assertThat(postLogoutToken("idp", IDP.logoutToken("someone-else", subject, false, claims -> {
			}))).as("for another client").isEqualTo(400);
			assertThat(postLogoutToken("idp", IDP.logoutToken(clientId, subject, false,
					claims -> claims.claims(c -> c.remove("events"))))).as("without the events claim").isEqualTo(400);
			assertThat(postLogoutToken("idp", IDP.logoutToken(clientId, subject, false,
					claims -> claims.claims(c -> c.remove("iss"))))).as("without an issuer").isEqualTo(400);
			assertThat(postLogoutToken("idp", IDP.logoutToken(clientId, subject, false,
					claims -> claims.claim("nonce", "n"))))
				.as("with a nonce").isEqualTo(400);
			assertThat(postLogoutToken("idp", "not-a-jwt")).isEqualTo(400);
			assertThat(postLogoutToken("github", IDP.logoutToken(clientId, subject, false, claims -> {
			}))).as("a provider without logout tokens").isEqualTo(400);
			assertThat(postLogoutToken("nosuchprovider", "x")).isEqualTo(400);
			assertThat(send(HttpRequest.newBuilder(URI.create(browser.url("/logout/connect/back-channel/idp")))
				.header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build()))
				.isEqualTo(400);
			assertThat(send(HttpRequest.newBuilder(URI.create(browser.url("/logout/connect/back-channel/idp"))).GET()
				.build())).isEqualTo(405);
			assertThat(send(HttpRequest.newBuilder(URI.create(browser.url("/logout/connect/b%61ck-channel/idp")))
				.header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build()))
				.as("the path encoded: the same endpoint, the same checks").isEqualTo(400);
			String fresh = IDP.logoutToken(clientId, subject, false, claims -> {
			});
			assertThat(send(HttpRequest.newBuilder(URI.create(browser.url("/logout/connect/back-channel/idp")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString("logout_token=" + fresh + "&_spring_security_internal_logout=true"))
				.build())).as("asking for the page's own logout instead").isEqualTo(400);
			assertThat(loggedIn(browser)).as("no forged token ends the session").isTrue();
			assertThat(events(userId)).noneMatch(e -> e.startsWith("EXTERNAL_SIGNED_OUT"));

			// a genuine token ends the session once; sent again, it ends the next one no more
			String genuine = IDP.logoutToken(clientId, subject, false, claims -> {
			});
			assertThat(postLogoutToken("idp", genuine)).isEqualTo(200);
			assertThat(loggedIn(browser)).isFalse();
			browser.open("/login/");
			signInAtProvider(browser, "idp", null);
			assertThat(loggedIn(browser)).isTrue();
			assertThat(postLogoutToken("idp", genuine)).as("replayed").isEqualTo(400);
			assertThat(loggedIn(browser)).isTrue();
		}
	}

	/** An account with the provider user's address and the identity linked to it, as a first sign-in would leave. */
	private long linkedAccount(String name, String subject) {
		long userId = users.create(IDP.email(name), null, passwords.hashNew(PASSWORD), true);
		jdbc.sql("insert into gh_external_identity (user_id, provider, subject, email, created_at) "
				+ "values (?, 'idp', ?, ?, current_timestamp)").params(userId, subject, IDP.email(name)).update();
		return userId;
	}

	/** Posts a logout token as a provider does; answers the status. */
	private static int postLogoutToken(String provider, String token) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/logout/connect/back-channel/" + provider))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build());
	}

	private static int send(HttpRequest request) throws Exception {
		return HttpClient.newHttpClient().send(request, BodyHandlers.discarding()).statusCode();
	}

	/**
	 * Clicks the provider's button (when {@code provider} is given), signs in at the second Gatehouse with the account
	 * of {@code user} (when it asks: its session remembers the browser), and waits until the browser is back.
	 */
	private void signInAtProvider(Browser browser, String provider, String user) {
		if (provider != null) {
			browser.driver().findElement(By.id("external-login-" + provider)).click();
		}
		if (user != null) {
			new WebDriverWait(browser.driver(), Browser.TIMEOUT)
				.until(d -> d.getCurrentUrl().startsWith(IDP.issuer() + "/login"));
			browser.driver().findElement(By.id("login")).sendKeys(IDP.email(user));
			browser.driver().findElement(By.id("password")).sendKeys(ProviderGatehouse.PASSWORD);
			browser.driver().findElement(By.id("login-submit")).click();
		}
		waitForGatehouse(browser);
	}

	/** Back on the Gatehouse under test; the provider's pages are checked by its own tests (their console is dropped). */
	private static void waitForGatehouse(Browser browser) {
		new WebDriverWait(browser.driver(), Browser.TIMEOUT).until(d -> d.getCurrentUrl().startsWith(browser.url("/"))
				&& !d.getCurrentUrl().contains("/login/oauth2/code/")
				&& "complete".equals(browser.script("return document.readyState")));
		browser.driver().manage().logs().get(LogType.BROWSER).getAll();
	}

	private static boolean loggedIn(Browser browser) {
		browser.open("/");
		return browser.has(By.id("welcome"));
	}

	private String fullName(long userId) {
		return jdbc.sql("select full_name from gh_user where id = ?").param(userId).query(String.class).optional()
			.orElse(null);
	}

	/** The user's security log as "TYPE details". */
	private List<String> events(long userId) {
		return audit.aboutUser(userId, null, 100).stream()
			.map(e -> e.details() == null ? e.eventType() : e.eventType() + " " + e.details())
			.toList();
	}

	private static String awaitLink(String address) throws Exception {
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
		while (java.time.Instant.now().isBefore(deadline)) {
			for (jakarta.mail.internet.MimeMessage message : MAIL.getReceivedMessages()) {
				if (recipient(message).equalsIgnoreCase(address)) {
					java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^\\s\"'<>]+")
						.matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(message).replace("=\r\n", "")
							.replace("=3D", "="));
					if (link.find()) {
						return link.group().replace("&amp;", "&");
					}
				}
			}
			MAIL.waitForIncomingEmail(250, MAIL.getReceivedMessages().length + 1);
		}
		throw new AssertionError("no mail with a link to " + address);
	}

	private static String recipient(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail mailServer() {
		GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static GitHubStub gitHub() {
		try {
			return new GitHubStub();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
