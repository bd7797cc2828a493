package org.gatehouse.passwordless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;

import org.gatehouse.account.AccountTestUsers;
import org.gatehouse.account.Browser;
import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Passwordless sign-in on the pages: the mailed link and code, their binding, single use, expiry and throttling. */
@GatehouseIntegrationTest
class PasswordlessFlowTest {

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	JdbcClient jdbc;

	/** A browser from an address of its own, so the per-address limits of the shared 127.0.0.1 stay untouched. */
	private Browser browser() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new Browser(mvc).from("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255));
	}

	static MvcResult askForLink(Browser browser, String email) throws Exception {
		return browser.perform(post("/login/email/").with(csrf()).param("email", email));
	}

	private static String linkPath(String email, int mail) {
		return URI.create(TestMail.awaitLink(email, mail)).getPath();
	}

	static String code(String email, int mail) {
		TestMail.awaitLink(email, mail);
		String body = GreenMailUtil.getBody(TestMail.to(email).get(mail - 1));
		Matcher matcher = CODE.matcher(body);
		assertThat(matcher.find()).as("a 6-digit code in the mail").isTrue();
		return matcher.group(1);
	}

	private static MvcResult useLink(Browser browser, String path, boolean otherDevice) throws Exception {
		String token = path.substring(path.lastIndexOf('/') + 1);
		var request = post("/login/link/").with(csrf()).param("token", token);
		if (otherDevice) {
			request.param("other-device", "true");
		}
		return browser.perform(request);
	}

	private static MvcResult useCode(Browser browser, String email, String code) throws Exception {
		return browser.perform(post("/login/link/").with(csrf()).param("email", email).param("code", code));
	}

	/** A new user's link and code, asked for by a browser of its own. */
	private record Asked(String email, long userId, Browser browser, String path, String code) {
	}

	private Asked askForNewUser() throws Exception {
		String email = uniqueEmail();
		long id = newUser(email);
		Browser browser = browser();
		askForLink(browser, email);
		return new Asked(email, id, browser, linkPath(email, 1), code(email, 1));
	}

	private static void assertNeitherWorks(Asked asked) throws Exception {
		Browser browser = asked.browser();
		assertThat(browser.perform(get(asked.path())).getResponse().getStatus()).isEqualTo(400);
		assertThat(useLink(browser, asked.path(), false).getResponse().getStatus()).isEqualTo(400);
		assertThat(useCode(browser, asked.email(), asked.code()).getResponse().getStatus()).isEqualTo(400);
		assertThat(browser.isLoggedIn()).isFalse();
	}

	private long newUser(String email) {
		return AccountTestUsers.create(users, passwords, email, null);
	}

	@Test
	void loginPageOffersTheLink() throws Exception {
		String page = browser().perform(get("/login/")).getResponse().getContentAsString();
		assertThat(page).contains("id=\"link-login-email\"").contains("Email me a sign-in link");
		assertThat(browser().perform(get("/login/email/")).getResponse().getContentAsString())
			.contains("id=\"login-link-form\"");
	}

	@Test
	void mailedLinkSignsInTheBrowserThatAskedOnceWithANewSession() throws Exception {
		String email = uniqueEmail();
		long id = newUser(email);
		Browser browser = browser();
		browser.perform(get("/login/"));
		String sessionBefore = browser.sessionId();
		MvcResult asked = askForLink(browser, email);
		assertThat(asked.getResponse().getStatus()).isEqualTo(200);
		assertThat(asked.getResponse().getContentAsString()).contains("id=\"login-code-form\"");
		String path = linkPath(email, 1);
		assertThat(path).startsWith("/login/link/").doesNotContain(email);

		MvcResult landing = browser.perform(get(path));
		assertThat(landing.getResponse().getStatus()).isEqualTo(200);
		assertThat(landing.getResponse().getContentAsString()).contains("id=\"login-link-signin\"")
			.doesNotContain("login-link-other-browser");
		assertThat(browser.isLoggedIn()).as("opening the link alone signs nobody in").isFalse();

		MvcResult signedIn = useLink(browser, path, false);
		assertThat(signedIn.getResponse().getStatus()).isEqualTo(302);
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(browser.isLoggedIn()).isTrue();
		assertThat(browser.sessionId()).isNotNull().isNotEqualTo(sessionBefore);
		assertThat(users.findById(id).orElseThrow().loginCount()).isEqualTo(1);

		Browser replay = browser();
		replay.setCookie("gatehouse_session_signin", browser.cookie("gatehouse_session_signin"));
		MvcResult again = useLink(replay, path, false);
		assertThat(again.getResponse().getStatus()).isEqualTo(400);
		assertThat(again.getResponse().getForwardedUrl()).as("the invalid-link page").isEqualTo("/login/link/");
		assertThat(replay.isLoggedIn()).isFalse();
		MvcResult usedLink = replay.perform(get(path));
		assertThat(usedLink.getResponse().getStatus()).isEqualTo(400);
		assertThat(usedLink.getResponse().getContentAsString()).contains("invalid, expired or already used");

		String log = browser.perform(get("/account/security-log/")).getResponse().getContentAsString();
		assertThat(log).contains("Sign-in link sent").contains("with a link or code by email");
	}

	@Test
	void codeSignsInTheBrowserThatAskedOnly() throws Exception {
		String email = uniqueEmail();
		newUser(email);
		Browser asking = browser();
		askForLink(asking, email);
		String code = code(email, 1);

		Browser other = browser();
		MvcResult elsewhere = useCode(other, email, code);
		assertThat(elsewhere.getResponse().getStatus()).isEqualTo(400);
		assertThat(elsewhere.getResponse().getForwardedUrl()).as("the code form again").isEqualTo("/login/code/");
		assertThat(other.isLoggedIn()).isFalse();

		MvcResult signedIn = useCode(asking, email, code);
		assertThat(signedIn.getResponse().getStatus()).isEqualTo(302);
		assertThat(asking.isLoggedIn()).isTrue();

		Browser again = browser();
		again.setCookie("gatehouse_session_signin", asking.cookie("gatehouse_session_signin"));
		assertThat(useCode(again, email, code).getResponse().getStatus()).as("a code works once").isEqualTo(400);
		assertThat(again.isLoggedIn()).isFalse();
	}

	@Test
	void anotherBrowserSignsInOnlyAfterConfirming() throws Exception {
		String email = uniqueEmail();
		newUser(email);
		askForLink(browser(), email);
		String path = linkPath(email, 1);

		Browser phone = browser();
		MvcResult landing = phone.perform(get(path));
		assertThat(landing.getResponse().getStatus()).isEqualTo(200);
		assertThat(landing.getResponse().getContentAsString()).contains("id=\"login-link-other-browser\"")
			.contains("name=\"other-device\"");

		assertThat(useLink(phone, path, false).getResponse().getStatus()).isEqualTo(400);
		assertThat(phone.isLoggedIn()).isFalse();
		assertThat(useLink(phone, path, true).getResponse().getStatus()).as("the refusal left the link usable")
			.isEqualTo(302);
		assertThat(phone.isLoggedIn()).isTrue();
	}

	private static String normalised(MvcResult result, String email) throws Exception {
		return result.getResponse().getContentAsString().replace(email, "EMAIL")
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
			.replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"");
	}

	@Test
	void unknownInactiveAndKnownAddressesGetTheSameAnswerButOnlyTheActiveAccountAMail() throws Exception {
		String known = uniqueEmail();
		newUser(known);
		String unknown = uniqueEmail();
		String banned = uniqueEmail();
		users.setActive(newUser(banned), false);

		MvcResult knownAnswer = askForLink(browser(), known);
		MvcResult unknownAnswer = askForLink(browser(), unknown);
		MvcResult bannedAnswer = askForLink(browser(), banned);
		assertThat(unknownAnswer.getResponse().getStatus()).isEqualTo(knownAnswer.getResponse().getStatus())
			.isEqualTo(200);
		assertThat(normalised(unknownAnswer, unknown)).isEqualTo(normalised(knownAnswer, known))
			.isEqualTo(normalised(bannedAnswer, banned));
		assertThat(unknownAnswer.getResponse().getHeader("Set-Cookie")).contains("gatehouse_session_signin=");

		TestMail.awaitLink(known, 1);
		assertThat(TestMail.to(unknown)).isEmpty();
		assertThat(TestMail.to(banned)).isEmpty();
	}

	@Test
	void linkIssuedBeforeABanNoLongerSignsIn() throws Exception {
		Asked asked = askForNewUser();
		users.setActive(asked.userId(), false);
		assertNeitherWorks(asked);
	}

	@Test
	void linkAndCodeExpireAfterTenMinutes() throws Exception {
		Asked asked = askForNewUser();
		long id = asked.userId();
		List<Duration> lifetimes = jdbc.sql("select created_at, expires_at from gh_login_link where user_id = ?")
			.param(id)
			.query((rs, n) -> Duration.between(rs.getObject(1, OffsetDateTime.class),
					rs.getObject(2, OffsetDateTime.class)))
			.list();
		assertThat(lifetimes).containsExactly(Duration.ofMinutes(10));

		// ten minutes later
		jdbc.sql("update gh_login_link set created_at = created_at - interval '10' minute, "
				+ "expires_at = expires_at - interval '10' minute where user_id = ?").param(id).update();
		assertThat(jdbc.sql("select count(*) from gh_login_link where user_id = ? and expires_at <= ?")
			.params(id, OffsetDateTime.now()).query(Long.class).single()).isEqualTo(1L);
		assertNeitherWorks(asked);
	}

	@Test
	void wrongCodesEndTheLink() throws Exception {
		String email = uniqueEmail();
		newUser(email);
		Browser browser = browser();
		askForLink(browser, email);
		String code = code(email, 1);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			MvcResult refused = useCode(browser, email, wrong);
			assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		}
		MvcResult right = useCode(browser, email, code);
		assertThat(right.getResponse().getStatus()).isEqualTo(400);
		assertThat(browser.isLoggedIn()).isFalse();
	}

	/** Codes and passwords count against one account lock: ten wrong codes lock the password login too. */
	@Test
	void wrongCodesCountAsFailedLogins() throws Exception {
		String email = uniqueEmail();
		newUser(email);
		Browser browser = browser();
		for (int mail = 1; mail <= 2; mail++) {
			askForLink(browser, email);
			String wrong = code(email, mail).equals("000000") ? "111111" : "000000";
			for (int i = 0; i < 5; i++) {
				assertThat(useCode(browser, email, wrong).getResponse().getStatus()).isEqualTo(400);
			}
		}
		MvcResult password = browser().login(email, AccountTestUsers.PASSWORD);
		assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/?throttled=");
	}

	@Test
	void rememberMeWhenChosen() throws Exception {
		String email = uniqueEmail();
		newUser(email);
		Browser browser = browser();
		askForLink(browser, email);
		String code = code(email, 1);
		MvcResult signedIn = browser.perform(post("/login/link/").with(csrf()).param("email", email)
			.param("code", code).param("remember", "true"));
		assertThat(signedIn.getResponse().getStatus()).isEqualTo(302);
		assertThat(browser.cookie(Browser.REMEMBER_COOKIE)).isNotNull();
	}

	@Test
	void linksAreLimitedPerAddress() throws Exception {
		String email = uniqueEmail();
		newUser(email);
		for (int i = 0; i < 5; i++) {
			assertThat(askForLink(browser(), email).getResponse().getStatus()).isEqualTo(200);
		}
		MvcResult sixth = askForLink(browser(), email);
		assertThat(sixth.getResponse().getStatus()).isEqualTo(429);
		assertThat(sixth.getResponse().getHeader("Retry-After")).isNotNull();
		TestMail.awaitLink(email, 5);
		assertThat(TestMail.to(email)).hasSize(5);
	}

	@Test
	void linksAreLimitedPerClientAddress() throws Exception {
		Browser browser = browser();
		for (int i = 0; i < 20; i++) {
			assertThat(askForLink(browser, uniqueEmail()).getResponse().getStatus()).isEqualTo(200);
		}
		assertThat(askForLink(browser, uniqueEmail()).getResponse().getStatus()).isEqualTo(429);
	}

	@Test
	void storesOnlyHashes() throws Exception {
		String email = uniqueEmail();
		long id = newUser(email);
		Browser browser = browser();
		askForLink(browser, email);
		String path = linkPath(email, 1);
		String token = path.substring(path.lastIndexOf('/') + 1);
		String code = code(email, 1);
		List<String> row = jdbc.sql("select token_hash, code_hash, browser_hash from gh_login_link where user_id = ?")
			.param(id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
		assertThat(String.join(" ", row)).doesNotContain(token).doesNotContain(code)
			.doesNotContain(browser.cookie("gatehouse_session_signin"));
		assertThat(row.get(0)).isEqualTo(LoginLinkSecrets.sha256(token));
	}
}
