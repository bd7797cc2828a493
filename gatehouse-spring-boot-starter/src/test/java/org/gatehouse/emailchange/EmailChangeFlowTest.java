package org.gatehouse.emailchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.gatehouse.emailchange.ChangeEmailMails.CONFIRM_SUBJECT;
import static org.gatehouse.emailchange.ChangeEmailMails.NOTICE_SUBJECT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;

import org.gatehouse.account.AccountTestUsers;
import org.gatehouse.account.Browser;
import org.gatehouse.account.Mails;
import org.gatehouse.account.UserStore;
import org.gatehouse.admin.PasslibVectors;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The change of email address through the pages: request with the password, both mails, the
 * confirmation link (once, before it expires), the revert link, and what survives a change.
 */
@GatehouseIntegrationTest
class EmailChangeFlowTest {

	static final String FORM = "/account/settings/email/";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	JdbcClient jdbc;

	private Browser loggedIn(String email) throws Exception {
		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		assertThat(browser.isLoggedIn()).isTrue();
		return browser;
	}

	private static MvcResult request(Browser browser, String newEmail, String password) throws Exception {
		return browser.perform(post(FORM).with(csrf()).param("email", newEmail).param("password", password));
	}

	/** A user who asked, signed in, to change to a new address; the link mailed to it not yet opened. */
	private record Requested(long id, String oldEmail, String newEmail, Browser browser, String confirm) {
	}

	private Requested requested() throws Exception {
		String oldEmail = uniqueEmail();
		String newEmail = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, oldEmail, null);
		Browser browser = loggedIn(oldEmail);
		request(browser, newEmail, PASSWORD);
		return new Requested(id, oldEmail, newEmail, browser, ChangeEmailMails.awaitPath(newEmail, CONFIRM_SUBJECT));
	}

	private static boolean canLogIn(Browser browser, String login) throws Exception {
		browser.login(login, PASSWORD);
		return browser.isLoggedIn();
	}

	private String email(long id) {
		return users.findById(id).orElseThrow().email();
	}

	@Test
	void theFormNeedsALogin() throws Exception {
		MvcResult result = new Browser(mvc).perform(get(FORM));
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/login/?next=");
	}

	@Test
	void aConfirmedChangeMovesTheAccountToTheNewAddressAndKeepsEveryLogin() throws Exception {
		String oldEmail = uniqueEmail();
		String newEmail = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, oldEmail, null);
		Browser here = loggedIn(oldEmail);
		Browser elsewhere = loggedIn(oldEmail);
		Browser remembered = new Browser(mvc);
		remembered.loginRemembered(oldEmail, PASSWORD);
		remembered.setCookie(Browser.SESSION_COOKIE, "");

		MvcResult form = here.perform(get(FORM));
		assertThat(form.getResponse().getContentAsString()).contains("id=\"email-change-form\"").contains(oldEmail);
		MvcResult sent = request(here, newEmail, PASSWORD);
		assertThat(sent.getResponse().getStatus()).isEqualTo(200);
		assertThat(sent.getResponse().getContentAsString()).contains("We sent a confirmation link to " + newEmail);
		Mails.awaitSubject(oldEmail, NOTICE_SUBJECT);
		assertThat(ChangeEmailMails.await(oldEmail, NOTICE_SUBJECT)).contains(newEmail);
		assertThat(email(id)).as("nothing changes before the link is opened").isEqualTo(oldEmail);

		String link = ChangeEmailMails.awaitPath(newEmail, CONFIRM_SUBJECT);
		MvcResult page = new Browser(mvc).perform(get(link));
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("id=\"email-change-confirm\"");
		assertThat(email(id)).as("opening the link shows a button only").isEqualTo(oldEmail);

		MvcResult confirmed = here.perform(post(link).with(csrf()));
		assertThat(confirmed.getResponse().getStatus()).isEqualTo(200);
		assertThat(confirmed.getResponse().getContentAsString()).contains("email address is changed");
		assertThat(email(id)).isEqualTo(newEmail);

		assertThat(here.isLoggedIn()).as("the session that confirmed").isTrue();
		assertThat(here.perform(get("/")).getResponse().getContentAsString()).contains(newEmail);
		assertThat(elsewhere.isLoggedIn()).as("another session").isTrue();
		assertThat(remembered.isLoggedIn()).as("a remember-me login").isTrue();
		assertThat(canLogIn(new Browser(mvc), newEmail)).isTrue();
		assertThat(canLogIn(new Browser(mvc), oldEmail)).isFalse();
	}

	@Test
	void aConfirmationLinkWorksOnce() throws Exception {
		String link = requested().confirm();
		assertThat(new Browser(mvc).perform(post(link).with(csrf())).getResponse().getStatus()).isEqualTo(200);

		MvcResult replay = new Browser(mvc).perform(post(link).with(csrf()));
		assertThat(replay.getResponse().getStatus()).isEqualTo(400);
		assertThat(replay.getResponse().getContentAsString()).contains("invalid, expired or already used");
		assertThat(new Browser(mvc).perform(get(link)).getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void anExpiredConfirmationLinkChangesNothing() throws Exception {
		Requested change = requested();
		long id = change.id();
		String oldEmail = change.oldEmail();
		String link = change.confirm();
		// the request was made longer ago than gatehouse.change-email.confirmation-validity (2 hours)
		jdbc.sql("update gh_email_change set confirm_expires_at = confirm_expires_at - interval '3' hour "
				+ "where user_id = ?").param(id).update();

		MvcResult expired = new Browser(mvc).perform(post(link).with(csrf()));
		assertThat(expired.getResponse().getStatus()).isEqualTo(400);
		assertThat(email(id)).isEqualTo(oldEmail);
	}

	@Test
	void aWrongPasswordATakenOrTheSameAddressSendNothing() throws Exception {
		String oldEmail = uniqueEmail();
		String newEmail = uniqueEmail();
		String otherAccount = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, oldEmail, null);
		AccountTestUsers.create(users, passwords, otherAccount, null);
		Browser browser = loggedIn(oldEmail);

		assertThat(request(browser, newEmail, "not-my-password").getResponse().getContentAsString())
			.contains("The current password is not correct.");
		assertThat(request(browser, otherAccount.toUpperCase(), PASSWORD).getResponse().getContentAsString())
			.contains("already belongs to another account");
		assertThat(request(browser, oldEmail.toUpperCase(), PASSWORD).getResponse().getContentAsString())
			.contains("This is already your email address.");
		assertThat(request(browser, "not-an-address", PASSWORD).getResponse().getContentAsString())
			.contains("Enter a valid email address");

		assertThat(TestMail.to(newEmail)).isEmpty();
		assertThat(Mails.subjects(oldEmail)).doesNotContain(NOTICE_SUBJECT);
		assertThat(email(id)).isEqualTo(oldEmail);
	}

	@Test
	void anAddressRegisteredBetweenRequestAndConfirmationIsRefusedClearly() throws Exception {
		Requested change = requested();
		long id = change.id();
		String oldEmail = change.oldEmail();
		String link = change.confirm();
		AccountTestUsers.create(users, passwords, change.newEmail(), null);

		MvcResult taken = new Browser(mvc).perform(post(link).with(csrf()));
		assertThat(taken.getResponse().getStatus()).isEqualTo(409);
		assertThat(taken.getResponse().getContentAsString()).contains("taken by another account in the meantime");
		assertThat(email(id)).isEqualTo(oldEmail);
		assertThat(new Browser(mvc).perform(post(link).with(csrf())).getResponse().getStatus()).isEqualTo(400);
	}

	/** Whoever asked knew the password: the revert link signs out everywhere even when the change failed. */
	@Test
	void theRevertLinkOfAFailedChangeStillEndsEveryLogin() throws Exception {
		Requested change = requested();
		Browser attacker = change.browser();
		String oldEmail = change.oldEmail();
		String link = change.confirm();
		AccountTestUsers.create(users, passwords, change.newEmail(), null);
		assertThat(attacker.perform(post(link).with(csrf())).getResponse().getStatus()).isEqualTo(409);

		String revert = ChangeEmailMails.awaitPath(oldEmail, NOTICE_SUBJECT);
		assertThat(new Browser(mvc).perform(post(revert).with(csrf())).getResponse().getStatus()).isEqualTo(200);
		assertThat(attacker.isLoggedIn()).isFalse();
	}

	@Test
	void aDeactivatedAccountKeepsItsAddress() throws Exception {
		Requested change = requested();
		long id = change.id();
		String oldEmail = change.oldEmail();
		String link = change.confirm();
		users.setActive(id, false);

		assertThat(new Browser(mvc).perform(post(link).with(csrf())).getResponse().getStatus()).isEqualTo(400);
		assertThat(email(id)).isEqualTo(oldEmail);
	}

	@Test
	void aNewerRequestReplacesThePendingOne() throws Exception {
		String oldEmail = uniqueEmail();
		String first = uniqueEmail();
		String second = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, oldEmail, null);
		Browser browser = loggedIn(oldEmail);
		request(browser, first, PASSWORD);
		String firstLink = ChangeEmailMails.awaitPath(first, CONFIRM_SUBJECT);
		request(browser, second, PASSWORD);
		ChangeEmailMails.await(second, CONFIRM_SUBJECT);

		assertThat(new Browser(mvc).perform(post(firstLink).with(csrf())).getResponse().getStatus()).isEqualTo(400);
		assertThat(email(id)).isEqualTo(oldEmail);

		// the first notice's revert link still works: it ends the newer request and every login
		String firstRevert = URI.create(ChangeEmailMails.link(ChangeEmailMails.bodies(oldEmail, NOTICE_SUBJECT).get(0)))
			.getPath();
		assertThat(new Browser(mvc).perform(post(firstRevert).with(csrf())).getResponse().getStatus()).isEqualTo(200);
		assertThat(browser.isLoggedIn()).isFalse();
		assertThat(new Browser(mvc).perform(post(ChangeEmailMails.awaitPath(second, CONFIRM_SUBJECT)).with(csrf()))
			.getResponse().getStatus()).isEqualTo(400);
		assertThat(email(id)).isEqualTo(oldEmail);
	}

	@Test
	void aConfirmedChangeEndsResetLinksSentToTheOldAddress() throws Exception {
		String oldEmail = uniqueEmail();
		String newEmail = uniqueEmail();
		AccountTestUsers.create(users, passwords, oldEmail, null);
		new Browser(mvc).perform(post("/lost-password/").with(csrf()).param("email", oldEmail));
		String reset = URI.create(TestMail.awaitLink(oldEmail, 1)).getPath();
		assertThat(new Browser(mvc).perform(get(reset)).getResponse().getStatus()).isEqualTo(200);

		request(loggedIn(oldEmail), newEmail, PASSWORD);
		new Browser(mvc).perform(post(ChangeEmailMails.awaitPath(newEmail, CONFIRM_SUBJECT)).with(csrf()));

		assertThat(new Browser(mvc).perform(get(reset)).getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void theRevertLinkRestoresTheAddressAndEndsEveryLogin() throws Exception {
		String oldEmail = uniqueEmail();
		String newEmail = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, oldEmail, null);
		Browser attacker = loggedIn(oldEmail);
		Browser remembered = new Browser(mvc);
		remembered.loginRemembered(oldEmail, PASSWORD);
		request(attacker, newEmail, PASSWORD);
		attacker.perform(post(ChangeEmailMails.awaitPath(newEmail, CONFIRM_SUBJECT)).with(csrf()));
		assertThat(email(id)).isEqualTo(newEmail);

		String revert = ChangeEmailMails.awaitPath(oldEmail, NOTICE_SUBJECT);
		MvcResult page = new Browser(mvc).perform(get(revert));
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("id=\"email-change-revert\"");
		MvcResult reverted = new Browser(mvc).perform(post(revert).with(csrf()));
		assertThat(reverted.getResponse().getStatus()).isEqualTo(200);
		assertThat(reverted.getResponse().getContentAsString()).contains("keeps its previous email address");

		assertThat(email(id)).isEqualTo(oldEmail);
		assertThat(attacker.isLoggedIn()).as("the session that changed the address").isFalse();
		remembered.setCookie(Browser.SESSION_COOKIE, "");
		assertThat(remembered.isLoggedIn()).as("a remember-me login").isFalse();
		assertThat(new Browser(mvc).perform(post(revert).with(csrf())).getResponse().getStatus())
			.as("a revert link works once").isEqualTo(400);
	}

	@Test
	void theRevertLinkCancelsAPendingChange() throws Exception {
		Requested change = requested();
		long id = change.id();
		String oldEmail = change.oldEmail();
		Browser attacker = change.browser();
		String confirm = change.confirm();

		new Browser(mvc).perform(post(ChangeEmailMails.awaitPath(oldEmail, NOTICE_SUBJECT)).with(csrf()));

		assertThat(attacker.isLoggedIn()).isFalse();
		assertThat(new Browser(mvc).perform(post(confirm).with(csrf())).getResponse().getStatus()).isEqualTo(400);
		assertThat(email(id)).isEqualTo(oldEmail);
	}

	@Test
	void theMailsAndPagesFollowTheLanguage() throws Exception {
		String oldEmail = uniqueEmail();
		String newEmail = uniqueEmail();
		AccountTestUsers.create(users, passwords, oldEmail, null);
		Browser browser = loggedIn(oldEmail);
		MvcResult sent = browser.perform(post(FORM).with(csrf()).header("Accept-Language", "de")
			.param("email", newEmail).param("password", PASSWORD));
		assertThat(sent.getResponse().getContentAsString()).contains("Wir haben einen Bestätigungslink an " + newEmail);
		String link = ChangeEmailMails.awaitPath(newEmail, "Bestätigen Sie Ihre neue E-Mail-Adresse");
		Mails.awaitSubject(oldEmail, "Ihre E-Mail-Adresse wird geändert");

		MvcResult page = new Browser(mvc).perform(get(link).header("Accept-Language", "fr"));
		assertThat(page.getResponse().getContentAsString()).contains("Confirmez votre nouvelle adresse e-mail");
	}

	private Browser reauthenticatedAdmin() throws Exception {
		String email = uniqueEmail();
		users.addRole(AccountTestUsers.create(users, passwords, email, null), "admin");
		Browser admin = loggedIn(email);
		admin.perform(post("/admin/reauth").with(csrf()).param("password", PASSWORD));
		return admin;
	}

	@Test
	void anAdministratorChangesTheAddressAtOnceAfterAFreshPasswordAndBothAddressesHear() throws Exception {
		String oldEmail = uniqueEmail();
		String newEmail = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, oldEmail, null);
		Browser userSession = loggedIn(oldEmail);
		request(userSession, uniqueEmail(), PASSWORD);
		String earlierRevert = ChangeEmailMails.awaitPath(oldEmail, NOTICE_SUBJECT);
		String adminEmail = uniqueEmail();
		users.addRole(AccountTestUsers.create(users, passwords, adminEmail, null), "admin");
		Browser admin = loggedIn(adminEmail);

		MvcResult unconfirmed = admin.perform(post("/admin/users/" + id + "/email").with(csrf()).param("email", newEmail));
		assertThat(unconfirmed.getResponse().getRedirectedUrl()).startsWith("/admin/reauth");
		assertThat(email(id)).isEqualTo(oldEmail);

		admin.perform(post("/admin/reauth").with(csrf()).param("password", PASSWORD));
		MvcResult changed = admin.perform(post("/admin/users/" + id + "/email").with(csrf()).param("email", newEmail));
		assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + id);
		assertThat(email(id)).isEqualTo(newEmail);
		assertThat(admin.perform(get("/admin/users/" + id)).getResponse().getContentAsString())
			.contains("The email address is now " + newEmail);
		Mails.awaitSubject(oldEmail, ChangeEmailMails.ADMIN_NOTICE_SUBJECT);
		Mails.awaitSubject(newEmail, ChangeEmailMails.ADMIN_NOTICE_SUBJECT);
		assertThat(userSession.isLoggedIn()).isTrue();
		assertThat(new Browser(mvc).perform(post(earlierRevert).with(csrf())).getResponse().getStatus())
			.as("the administrator's change ends earlier revert links").isEqualTo(400);
		assertThat(email(id)).isEqualTo(newEmail);

		String taken = uniqueEmail();
		AccountTestUsers.create(users, passwords, taken, null);
		admin.perform(post("/admin/users/" + id + "/email").with(csrf()).param("email", taken));
		assertThat(admin.perform(get("/admin/users/" + id)).getResponse().getContentAsString())
			.contains("already belongs to another account");
		assertThat(email(id)).isEqualTo(newEmail);
	}

	@Test
	void theChangesAreInTheUsersSecurityLog() throws Exception {
		String oldEmail = uniqueEmail();
		String newEmail = uniqueEmail();
		AccountTestUsers.create(users, passwords, oldEmail, null);
		Browser browser = loggedIn(oldEmail);
		request(browser, newEmail, PASSWORD);
		browser.perform(post(ChangeEmailMails.awaitPath(newEmail, CONFIRM_SUBJECT)).with(csrf()));
		new Browser(mvc).perform(post(ChangeEmailMails.awaitPath(oldEmail, NOTICE_SUBJECT)).with(csrf()));

		Browser again = loggedIn(oldEmail);
		String log = again.perform(get("/account/security-log/")).getResponse().getContentAsString();
		assertThat(log).contains("Email change requested", "Email changed", "Email change undone",
				oldEmail + " -&gt; " + newEmail, newEmail + " -&gt; " + oldEmail);
	}

	/** The ascii vector of gatehouse-passwords' invenio_aes_encrypted_email vectors (made for alice@example.org). */
	private static PasslibVectors invenioVector() throws Exception {
		for (String line : Files.readAllLines(PasslibVectors.FILE, StandardCharsets.UTF_8)) {
			String[] columns = line.split("\t");
			if (columns[0].equals("invenio_aes_encrypted_email") && columns[3].equals("MATCH_NEEDS_UPGRADE")
					&& columns[5].equals("invenio aes ascii (deprecated scheme)")) {
				return new PasslibVectors(columns[0],
						new String(HexFormat.of().parseHex(columns[1]), StandardCharsets.UTF_8), columns[2]);
			}
		}
		throw new IllegalStateException("No invenio_aes_encrypted_email vector");
	}

	/**
	 * Invenio's invenio_aes_encrypted_email hashes encrypt the address they were made with, and the hash keeps it
	 * ($invenio-aes$EMAIL$HEX): an imported account whose address changes before its first login (an
	 * administrator's change; the user's own change needs a login, which upgrades the hash) still signs in.
	 */
	@Test
	void aLegacyInvenioHashKeepsVerifyingAfterTheChangeAndIsUpgradedAtLogin() throws Exception {
		PasslibVectors vector = invenioVector();
		String newEmail = uniqueEmail();
		long id = users.create(uniqueEmail(), null, vector.hash(), true);

		Browser admin = reauthenticatedAdmin();
		admin.perform(post("/admin/users/" + id + "/email").with(csrf()).param("email", newEmail));
		assertThat(email(id)).isEqualTo(newEmail);
		assertThat(users.findById(id).orElseThrow().passwordHash()).isEqualTo(vector.hash());

		Browser user = new Browser(mvc);
		user.perform(post("/login/").with(csrf()).param("login", newEmail).param("password", vector.password()));
		assertThat(user.isLoggedIn()).as("the legacy hash verifies after the change").isTrue();
		assertThat(users.findById(id).orElseThrow().passwordHash()).as("and is upgraded at that login")
			.startsWith("$pbkdf2-sha512$");
	}
}
