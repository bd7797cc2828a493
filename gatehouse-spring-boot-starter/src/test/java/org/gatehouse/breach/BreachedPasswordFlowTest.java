package org.gatehouse.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.gatehouse.account.AccountTestUsers;
import org.gatehouse.account.Browser;
import org.gatehouse.account.UserStore;
import org.gatehouse.admin.InvitationLinks;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.SharedSecurityFiltersGuard;
import org.gatehouse.testapp.TestApplication;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Breached passwords refused (or warned about) wherever a password is chosen, on the pages and in the JSON API,
 * against a local server that speaks Have I Been Pwned's range API. Each test uses passwords of its own, so the
 * range cache of one test never answers for another.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:gatehouse-breach;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
		"gatehouse.passwords.rounds.pbkdf2_sha512=1000", "spring.mail.host=127.0.0.1",
		"gatehouse.throttle.rate-limits.register-ip.max=100", "gatehouse.throttle.rate-limits.reset-ip.max=100",
		"gatehouse.passwords.breached.enabled=true", "gatehouse.passwords.breached.timeout=500ms",
		"gatehouse.passwords.breached.check-at-login=true" })
@AutoConfigureMockMvc
@ExtendWith(SharedSecurityFiltersGuard.class)
class BreachedPasswordFlowTest {

	static final FakeRangeApi API = new FakeRangeApi();

	static final String REFUSED = "This password appears in known data breaches. Please choose another one.";
	static final String UNAVAILABLE = "The password cannot be checked against known data breaches right now.";

	@DynamicPropertySource
	static void api(DynamicPropertyRegistry registry) {
		registry.add("gatehouse.passwords.breached.api-url", API::url);
	}

	@AfterAll
	static void stopApi() {
		API.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	BreachedPasswordsProperties properties;

	@Autowired
	InvitationLinks invitations;

	@AfterEach
	void defaults() {
		properties.setMode(BreachedPasswordsProperties.Mode.REFUSE);
		properties.setFailOpen(true);
		API.reset();
	}

	/** A password the policy accepts, put into the breach corpus. */
	private static String breachedPassword() {
		String password = "leaked-" + UUID.randomUUID();
		API.breached(password, 42);
		return password;
	}

	private static String cleanPassword() {
		return "clean-" + UUID.randomUUID();
	}

	private Browser loggedIn(String email) throws Exception {
		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		assertThat(browser.isLoggedIn()).isTrue();
		return browser;
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

	private MvcResult signUpPage(String email, String password, String language) throws Exception {
		return mvc.perform(post("/signup/").with(csrf()).header("Accept-Language", language).param("email", email)
			.param("password", password).param("passwordConfirm", password)).andReturn();
	}

	private MvcResult signUpApi(String email, String password, String language) throws Exception {
		return mvc.perform(post("/api/register").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", language)
			.content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).andReturn();
	}

	private MvcResult changePage(Browser browser, String password) throws Exception {
		return browser.perform(post("/account/settings/password/").with(csrf()).param("currentPassword", PASSWORD)
			.param("password", password).param("passwordConfirm", password));
	}

	private MvcResult changeApi(Browser browser, String password) throws Exception {
		return browser.perform(browser.withApiCsrf(post("/api/change-password").contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"" + PASSWORD + "\",\"new_password\":\"" + password + "\"}")));
	}

	private static void assertFieldError(MvcResult result, String message) throws Exception {
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(JsonPath.<String>read(body(result), "$.errors[0].field")).isIn("password", "new_password");
		assertThat(JsonPath.<String>read(body(result), "$.errors[0].message")).startsWith(message);
	}

	@Test
	void signUpRefusesABreachedPasswordOnThePageAndInTheApiInTheCallersLanguage() throws Exception {
		String password = breachedPassword();
		String email = uniqueEmail();

		MvcResult page = signUpPage(email, password, "en");
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(page)).contains("id=\"register-form\"").contains("field-error").contains(REFUSED);
		assertThat(body(signUpPage(email, password, "de")))
			.contains("Dieses Passwort kommt in bekannten Datenlecks vor. Bitte wählen Sie ein anderes.");
		assertThat(users.findByEmail(email)).isEmpty();

		assertFieldError(signUpApi(email, password, "en"), REFUSED);
		assertFieldError(signUpApi(email, password, "fr"), "Ce mot de passe figure dans des fuites de données connues.");
		assertThat(users.findByEmail(email)).isEmpty();

		assertThat(signUpApi(email, cleanPassword(), "en").getResponse().getStatus()).isEqualTo(202);
		assertThat(users.findByEmail(email)).isPresent();
	}

	@Test
	void changeRefusesABreachedPasswordOnThePageAndInTheApi() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String hash = users.findById(id).orElseThrow().passwordHash();
		Browser browser = loggedIn(email);

		MvcResult page = changePage(browser, breachedPassword());
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(page)).contains("id=\"change-form\"").contains(REFUSED);
		assertFieldError(changeApi(browser, breachedPassword()), REFUSED);
		assertThat(users.findById(id).orElseThrow().passwordHash()).isEqualTo(hash);

		MvcResult clean = changeApi(browser, cleanPassword());
		assertThat(clean.getResponse().getStatus()).as(body(clean)).isEqualTo(200);
		assertThat(body(clean)).doesNotContain("notice");
	}

	@Test
	void resetRefusesABreachedPasswordOnThePageAndInTheApi() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String hash = users.findById(id).orElseThrow().passwordHash();
		new Browser(mvc).perform(post("/lost-password/").with(csrf()).param("email", email));
		String path = URI.create(TestMail.awaitLink(email, 1)).getPath();
		String token = path.substring("/lost-password/".length());
		String password = breachedPassword();

		MvcResult page = new Browser(mvc).perform(post(path).with(csrf()).param("password", password)
			.param("passwordConfirm", password));
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(page)).contains("id=\"reset-form\"").contains(REFUSED);

		MvcResult api = mvc.perform(post("/api/reset-password").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}")).andReturn();
		assertFieldError(api, REFUSED);
		assertThat(users.findById(id).orElseThrow().passwordHash()).isEqualTo(hash);
	}

	@Test
	void aUserCreatedByAnAdminCannotSetABreachedPasswordThroughTheInvitation() throws Exception {
		String email = uniqueEmail();
		long id = users.create(email, null, null, false);
		String path = "/invite/" + invitations.token(users.findById(id).orElseThrow());
		String password = breachedPassword();

		MvcResult page = new Browser(mvc).perform(post(path).with(csrf()).param("password", password)
			.param("passwordConfirm", password));
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(page)).contains(REFUSED);
		assertThat(users.findById(id).orElseThrow().passwordHash()).isNull();
	}

	@Test
	void warnModeAcceptsABreachedPasswordWithAVisibleNotice() throws Exception {
		properties.setMode(BreachedPasswordsProperties.Mode.WARN);
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String hash = users.findById(id).orElseThrow().passwordHash();
		Browser browser = loggedIn(email);

		MvcResult page = changePage(browser, breachedPassword());
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(page)).contains("Your password is changed.").contains("id=\"password-notice\"")
			.contains("This password appears in known data breaches. It was accepted");
		assertThat(users.findById(id).orElseThrow().passwordHash()).isNotEqualTo(hash);

		MvcResult signUp = signUpApi(uniqueEmail(), breachedPassword(), "de");
		assertThat(signUp.getResponse().getStatus()).as(body(signUp)).isEqualTo(202);
		assertThat(JsonPath.<String>read(body(signUp), "$.notice")).startsWith("Dieses Passwort kommt in bekannten");
		assertThat(body(browser.perform(get("/account/settings/password/")))).as("the notice is the request's only")
			.doesNotContain("password-notice");
	}

	@Test
	void failOpenAcceptsAndFailClosedRefusesWhenTheServiceAnswersAnError() throws Exception {
		API.failWith(503);
		String email = uniqueEmail();
		properties.setFailOpen(false);
		assertFieldError(signUpApi(email, cleanPassword(), "en"), UNAVAILABLE);
		assertThat(users.findByEmail(email)).isEmpty();

		properties.setFailOpen(true);
		assertThat(signUpApi(email, cleanPassword(), "en").getResponse().getStatus()).isEqualTo(202);
		assertThat(users.findByEmail(email)).isPresent();
	}

	@Test
	void failClosedRefusesWhenTheServiceIsTooSlow() throws Exception {
		API.stall();
		properties.setFailOpen(false);
		String email = uniqueEmail();
		MvcResult page = signUpPage(email, cleanPassword(), "fr");
		assertThat(body(page)).contains("Le mot de passe ne peut pas être comparé aux fuites de données connues");
		assertThat(users.findByEmail(email)).isEmpty();
	}

	@Test
	void theRangeCacheAnswersASecondCheckWithoutARequest() throws Exception {
		String password = breachedPassword();
		assertFieldError(signUpApi(uniqueEmail(), password, "en"), REFUSED);
		assertThat(API.requests()).hasSize(1);
		assertFieldError(signUpApi(uniqueEmail(), password, "en"), REFUSED);
		assertThat(API.requests()).hasSize(1);
	}

	@Test
	void aBreachedPasswordAtLoginMustBeChangedBeforeAnythingElse() throws Exception {
		String leaked = breachedPassword();
		String email = uniqueEmail();
		users.create(email, null, passwords.hashNew(leaked), true);
		Browser browser = new Browser(mvc);
		MvcResult login = browser.login(email, leaked);
		assertThat(login.getResponse().getStatus()).isEqualTo(302);

		MvcResult elsewhere = browser.perform(get("/account/settings/sessions/"));
		assertThat(elsewhere.getResponse().getStatus()).isEqualTo(302);
		assertThat(elsewhere.getResponse().getRedirectedUrl()).isEqualTo("/account/settings/password/");
		MvcResult api = browser.perform(get("/api/me").header("Accept-Language", "de"));
		assertThat(api.getResponse().getStatus()).isEqualTo(403);
		assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(JsonPath.<String>read(body(api), "$.detail")).startsWith("Ihr Passwort kommt in bekannten Datenlecks vor.");
		MvcResult changePage = browser.perform(get("/account/settings/password/"));
		assertThat(changePage.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(changePage)).contains("id=\"password-change-required\"")
			.contains("Your password appears in known data breaches. Please choose a new one before you continue.");

		String fresh = cleanPassword();
		MvcResult changed = browser.perform(post("/account/settings/password/").with(csrf())
			.param("currentPassword", leaked).param("password", fresh).param("passwordConfirm", fresh));
		assertThat(body(changed)).contains("Your password is changed.");
		assertThat(browser.isLoggedIn()).as("free to go once changed").isTrue();
		assertThat(body(browser.perform(get("/account/security-log/")))).contains("Breached password at login");
	}

	@Test
	void aCleanPasswordAtLoginAsksOnceAndLeavesTheUserAlone() throws Exception {
		String clean = cleanPassword();
		String email = uniqueEmail();
		users.create(email, null, passwords.hashNew(clean), true);
		Browser browser = new Browser(mvc);
		browser.login(email, clean);
		assertThat(browser.perform(get("/api/me")).getResponse().getStatus()).isEqualTo(200);
		assertThat(browser.isLoggedIn()).isTrue();
		assertThat(API.requests()).singleElement().extracting(FakeRangeApi.Request::path)
			.isEqualTo("/range/" + Sha1.hex(clean).substring(0, 5));
	}

	@Test
	void anUnreachableServiceNeverStopsALogin() throws Exception {
		String leaked = "leaked-" + UUID.randomUUID();
		String email = uniqueEmail();
		users.create(email, null, passwords.hashNew(leaked), true);
		API.failWith(503);
		properties.setFailOpen(false);
		Browser browser = new Browser(mvc);
		browser.login(email, leaked);
		assertThat(browser.isLoggedIn()).isTrue();
	}
}
