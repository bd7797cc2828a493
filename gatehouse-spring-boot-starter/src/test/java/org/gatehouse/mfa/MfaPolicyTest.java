package org.gatehouse.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.Browser;
import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.TestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role policy with its default (gatehouse.mfa.required-roles = admin), the half-signed-in session and
 * "remember this browser" (off by default, on here), in a context of its own: the shared one turns the policy off
 * for the admins of other tests.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:gatehouse-mfa;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
		"gatehouse.passwords.rounds.pbkdf2_sha512=1000", "spring.mail.host=127.0.0.1",
		"gatehouse.throttle.ip-max-failures=1000", "gatehouse.throttle.ip-max-distinct-logins=100",
		"gatehouse.throttle.rate-limits.default.max=1000", "gatehouse.mfa.remember-browser.enabled=true" })
@AutoConfigureMockMvc
class MfaPolicyTest {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	MfaTestUsers mfaUsers;

	@BeforeEach
	void setUp() {
		mfaUsers = new MfaTestUsers(context);
	}

	private long admin(String email) {
		long id = mfaUsers.create(email);
		users.addRole(id, "admin");
		return id;
	}

	@Test
	void aSecurityKeyAloneIsTheSecondFactorTheRolePolicyAsksFor() throws Exception {
		String email = uniqueEmail();
		long id = admin(email);
		// a registered key as the webauthn package stores it (its use is tested over HTTP in SecurityKeySecondFactorTest)
		jdbc.sql("insert into gh_webauthn_credential (credential_id, user_id, label, credential_type, public_key, "
				+ "signature_count, uv_initialized, backup_eligible, backup_state, created_at) "
				+ "values (?, ?, 'YubiKey', 'public-key', ?, 0, false, false, false, current_timestamp)")
			.params(new byte[] { 1, 2, 3, (byte) id }, id, new byte[] { 4 }).update();
		Browser browser = new Browser(mvc).from("10.9.5.1");
		assertThat(browser.login(email, PASSWORD).getResponse().getRedirectedUrl())
			.as("a second step, not the enrolment").isEqualTo("/login/second-factor/");
		String page = browser.perform(get("/login/second-factor/")).getResponse().getContentAsString();
		assertThat(page).contains("id=\"security-key-submit\"").doesNotContain("id=\"totp-form\"");
		assertThat(browser.perform(get("/admin/users/")).getResponse().getStatus()).isNotEqualTo(200);
	}

	@Test
	void anAdminWithoutASecondFactorEnrolsAtLoginAndReachesNothingElseUntilDone() throws Exception {
		String email = uniqueEmail();
		admin(email);
		Browser browser = new Browser(mvc).from("10.9.0.1");
		assertThat(browser.login(email, PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/login/second-factor/enrol/");
		assertThat(browser.perform(get("/admin/")).getResponse().getRedirectedUrl())
			.isEqualTo("/login/second-factor/enrol/");
		assertThat(browser.perform(get("/login/second-factor/")).getResponse().getRedirectedUrl())
			.isEqualTo("/login/second-factor/enrol/");
		assertThat(browser.isLoggedIn()).isFalse();

		MvcResult page = browser.perform(get("/login/second-factor/enrol/"));
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("id=\"enrol-required\"").contains("src=\"data:image/svg+xml;base64,");
		Matcher secret = SECRET.matcher(html);
		assertThat(secret.find()).isTrue();
		byte[] key = Base32.decode(secret.group(1));

		MvcResult wrong = browser.perform(post("/login/second-factor/enrol/").with(csrf())
			.param("code", mfaUsers.wrongCode(key)));
		assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
		assertThat(browser.isLoggedIn()).isFalse();

		MvcResult done = browser.perform(post("/login/second-factor/enrol/").with(csrf())
			.param("code", mfaUsers.code(key, 0)));
		assertThat(done.getResponse().getStatus()).isEqualTo(200);
		assertThat(done.getResponse().getContentAsString()).contains("id=\"recovery-codes\"");
		assertThat(Pattern.compile("class=\"recovery-code\"").matcher(done.getResponse().getContentAsString())
			.results().count()).isEqualTo(10);
		assertThat(browser.isLoggedIn()).isTrue();
		assertThat(browser.perform(get("/admin/users/")).getResponse().getStatus()).isEqualTo(200);

		// the next login asks for the app's code
		Browser next = new Browser(mvc).from("10.9.0.2");
		assertThat(next.login(email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor/");
		assertThat(next.perform(post("/login/second-factor/").with(csrf()).param("factor", "totp")
			.param("code", mfaUsers.code(key, 1))).getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(next.perform(get("/admin/users/")).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void theAdminAreaAndItsApiRefuseASessionWithoutASecondFactor() throws Exception {
		String email = uniqueEmail();
		long id = admin(email);
		AccountPrincipal principal = AccountPrincipal.of(users.findById(id).orElseThrow());
		List<GrantedAuthority> passwordOnly = List.of(new SimpleGrantedAuthority("ROLE_admin"),
				FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		List<GrantedAuthority> withTotp = List.of(new SimpleGrantedAuthority("ROLE_admin"),
				FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
				FactorGrantedAuthority.fromAuthority(TotpFactor.AUTHORITY));
		assertThat(mvc.perform(get("/admin/users/").with(authentication(token(principal, passwordOnly)))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/api/admin/users").with(authentication(token(principal, passwordOnly))))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/admin/users/").with(authentication(token(principal, withTotp)))).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/api/admin/users").with(authentication(token(principal, withTotp))))
			.andReturn().getResponse().getStatus()).isEqualTo(200);
		// a passkey with user verification is a complete login
		List<GrantedAuthority> passkey = List.of(new SimpleGrantedAuthority("ROLE_admin"),
				FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
		assertThat(mvc.perform(get("/admin/users/").with(authentication(token(principal, passkey)))).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
	}

	private static UsernamePasswordAuthenticationToken token(AccountPrincipal principal,
			List<GrantedAuthority> authorities) {
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

	/**
	 * Every request mapping of the application, asked by a half-signed-in session (an admin's right password, no
	 * code yet) and by an anonymous visitor: what refuses the visitor refuses the half-signed-in session, and no
	 * answer names the account. Only the second step and logout treat it differently (and are left out here).
	 */
	@Test
	void aHalfSignedInSessionReachesNothingButTheSecondStepAndLogout() throws Exception {
		String email = uniqueEmail();
		long id = admin(email);
		byte[] key = mfaUsers.enrolTotp(id);
		Browser half = new Browser(mvc).from("10.9.1.1");
		assertThat(half.login(email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor/");
		Set<String> skipped = Set.of("/login/second-factor/", "/login/second-factor/enrol/", "/api/login/second-factor",
				"/logout/", "/api/logout", "/api/mfa/totp", "/api/mfa/totp/confirm");
		List<String> checked = new ArrayList<>();
		List<String> leaks = new ArrayList<>();
		for (var entry : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = entry.getMethodsCondition().getMethods();
			for (String pattern : entry.getPatternValues()) {
				if (skipped.contains(pattern) || pattern.startsWith("/error")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]*\\}", "1").replace("/**", "/x");
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					Browser anonymous = new Browser(mvc).from("10.9.1.2");
					MvcResult byAnonymous = anonymous.perform(build(anonymous, method, path));
					MvcResult byHalf = half.perform(build(half, method, path));
					checked.add(method + " " + path);
					String body = byHalf.getResponse().getContentAsString();
					if (body.contains(email) || refused(byAnonymous) && !refused(byHalf)) {
						leaks.add(method + " " + path + ": anonymous " + byAnonymous.getResponse().getStatus()
								+ ", half-signed-in " + byHalf.getResponse().getStatus() + " "
								+ byHalf.getResponse().getRedirectedUrl());
					}
				}
			}
		}
		assertThat(checked).hasSizeGreaterThan(40).contains("GET /admin/", "GET /api/me", "POST /api/tokens");
		assertThat(leaks).isEmpty();
		// the session was half-signed-in throughout: the second step still completes it
		assertThat(half.perform(post("/login/second-factor/").with(csrf()).param("factor", "totp")
			.param("code", mfaUsers.code(key, 0))).getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(half.perform(get("/admin/users/")).getResponse().getStatus()).isEqualTo(200);
	}

	private static MockHttpServletRequestBuilder build(Browser browser, RequestMethod method, String path)
			throws Exception {
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method.name()), path);
		if (method == RequestMethod.GET || method == RequestMethod.HEAD) {
			return request;
		}
		if (path.startsWith("/api/")) {
			return browser.withApiCsrf(request.contentType(MediaType.APPLICATION_JSON).content("{}"));
		}
		return request.with(csrf());
	}

	/** Refused, or sent to log in (or to the second step). */
	private static boolean refused(MvcResult result) {
		int status = result.getResponse().getStatus();
		String location = result.getResponse().getRedirectedUrl();
		return status == 401 || status == 403
				|| status == 302 && location != null && location.startsWith("/login/");
	}

	@Test
	void theJsonLoginAsksForTheSecondFactorAndCompletesIt() throws Exception {
		String email = uniqueEmail();
		long id = mfaUsers.create(email);
		byte[] key = mfaUsers.enrolTotp(id);
		mfaUsers.recoveryCodes(id);
		Browser api = new Browser(mvc).from("10.9.2.1");
		MvcResult login = api.perform(api.withApiCsrf(post("/api/login").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")));
		assertThat(login.getResponse().getStatus()).isEqualTo(202);
		assertThat(login.getResponse().getContentAsString()).contains("\"status\":\"second-factor-required\"")
			.contains("\"factors\":[\"totp\",\"recovery-code\"]").contains("\"next\":\"/api/login/second-factor\"");
		assertThat(api.perform(get("/api/me")).getResponse().getStatus()).isEqualTo(401);
		assertThat(api.perform(api.withApiCsrf(post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"t\",\"password\":\"" + PASSWORD + "\"}"))).getResponse().getStatus())
			.as("no token for a half-signed-in session").isEqualTo(401);

		MvcResult wrong = api.perform(api.withApiCsrf(post("/api/login/second-factor")
			.contentType(MediaType.APPLICATION_JSON).content("{\"factor\":\"totp\",\"code\":\"" + mfaUsers.wrongCode(key)
					+ "\"}")));
		assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
		assertThat(wrong.getResponse().getContentType()).startsWith("application/problem+json");
		MvcResult right = api.perform(api.withApiCsrf(post("/api/login/second-factor")
			.contentType(MediaType.APPLICATION_JSON).content("{\"factor\":\"totp\",\"code\":\"" + mfaUsers.code(key, 0)
					+ "\"}")));
		assertThat(right.getResponse().getStatus()).isEqualTo(200);
		assertThat(right.getResponse().getContentAsString()).contains(email);
		assertThat(api.perform(get("/api/me")).getResponse().getStatus()).isEqualTo(200);
		assertThat(api.perform(get("/api/mfa")).getResponse().getContentAsString()).contains("\"totp\":true")
			.contains("\"recovery_codes_left\":10");
	}

	@Test
	void anAdminEnrolsOverTheJsonApiWhenTheLoginSaysSo() throws Exception {
		String email = uniqueEmail();
		admin(email);
		Browser api = new Browser(mvc).from("10.9.3.1");
		MvcResult login = api.perform(api.withApiCsrf(post("/api/login").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")));
		assertThat(login.getResponse().getStatus()).isEqualTo(202);
		assertThat(login.getResponse().getContentAsString()).contains("\"status\":\"enrolment-required\"");
		assertThat(api.perform(get("/api/admin/users")).getResponse().getStatus()).isEqualTo(401);

		MvcResult offer = api.perform(api.withApiCsrf(post("/api/mfa/totp")));
		assertThat(offer.getResponse().getStatus()).isEqualTo(200);
		Matcher secret = Pattern.compile("\"secret\":\"([A-Z2-7]+)\"").matcher(offer.getResponse().getContentAsString());
		assertThat(secret.find()).isTrue();
		assertThat(offer.getResponse().getContentAsString()).contains("otpauth://totp/");
		byte[] key = Base32.decode(secret.group(1));
		MvcResult confirmed = api.perform(api.withApiCsrf(post("/api/mfa/totp/confirm")
			.contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + mfaUsers.code(key, 0) + "\"}")));
		assertThat(confirmed.getResponse().getStatus()).isEqualTo(200);
		assertThat(Pattern.compile("\"[a-z2-9]{5}-[a-z2-9]{5}\"").matcher(confirmed.getResponse().getContentAsString())
			.results().count()).isEqualTo(10);
		assertThat(api.perform(get("/api/admin/users")).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void reauthenticationAsksAnAccountWithAFactorForItsCode() throws Exception {
		String email = uniqueEmail();
		long id = admin(email);
		byte[] key = mfaUsers.enrolTotp(id);
		Browser api = new Browser(mvc).from("10.9.4.1");
		api.perform(api.withApiCsrf(post("/api/login").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")));
		assertThat(api.perform(api.withApiCsrf(post("/api/login/second-factor").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + mfaUsers.code(key, 0) + "\"}"))).getResponse().getStatus()).isEqualTo(200);

		MvcResult passwordOnly = api.perform(api.withApiCsrf(post("/api/admin/reauthenticate")
			.contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + PASSWORD + "\"}")));
		assertThat(passwordOnly.getResponse().getStatus()).isEqualTo(400);
		MvcResult withCode = api.perform(api.withApiCsrf(post("/api/admin/reauthenticate")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"" + PASSWORD + "\",\"code\":\"" + mfaUsers.code(key, 1) + "\"}")));
		assertThat(withCode.getResponse().getStatus()).isEqualTo(200);
		MvcResult token = api.perform(api.withApiCsrf(post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"t\",\"scopes\":[\"user:read\"]}")));
		assertThat(token.getResponse().getStatus()).as("a fully signed-in, re-authenticated session makes tokens")
			.isEqualTo(201);
	}

	@Autowired
	FactorChanges factorChanges;

	@Test
	void aRememberedBrowserSkipsTheSecondStepUntilTheFactorsChange() throws Exception {
		String email = uniqueEmail();
		long id = admin(email);
		byte[] key = mfaUsers.enrolTotp(id);
		Browser browser = new Browser(mvc).from("10.9.5.1");
		browser.login(email, PASSWORD);
		assertThat(browser.perform(get("/login/second-factor/")).getResponse().getContentAsString())
			.contains("id=\"remember-browser\"");
		browser.perform(post("/login/second-factor/").with(csrf()).param("factor", "totp")
			.param("code", mfaUsers.code(key, 0)).param("remember-browser", "true"));
		String remembered = browser.cookie(RememberedBrowsers.COOKIE);
		assertThat(remembered).isNotNull();

		Browser later = new Browser(mvc).from("10.9.5.1");
		later.setCookie(RememberedBrowsers.COOKIE, remembered);
		assertThat(later.login(email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor/");
		assertThat(later.perform(get("/login/second-factor/")).getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(later.perform(get("/admin/users/")).getResponse().getStatus()).as("counts as a second factor")
			.isEqualTo(200);

		Browser forged = new Browser(mvc).from("10.9.5.1");
		forged.setCookie(RememberedBrowsers.COOKIE, remembered.replace(id + ".", (id + 1) + "."));
		forged.login(email, PASSWORD);
		assertThat(forged.perform(get("/login/second-factor/")).getResponse().getStatus()).isEqualTo(200);

		factorChanges.changed(users.findById(id).orElseThrow(), org.gatehouse.audit.SecurityEventType.SECOND_FACTOR_ENROLLED,
				"totp", null);
		Browser revoked = new Browser(mvc).from("10.9.5.1");
		revoked.setCookie(RememberedBrowsers.COOKIE, remembered);
		revoked.login(email, PASSWORD);
		assertThat(revoked.perform(get("/login/second-factor/")).getResponse().getStatus())
			.as("a change of factors forgets every remembered browser").isEqualTo(200);
	}
}
