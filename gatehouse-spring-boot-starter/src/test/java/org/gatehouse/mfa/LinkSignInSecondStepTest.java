package org.gatehouse.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.gatehouse.account.Browser;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A mailed sign-in link or code replaces only the password: an account with a second factor still answers it. */
@GatehouseIntegrationTest
class LinkSignInSecondStepTest {

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	MfaTestUsers mfaUsers;

	@BeforeEach
	void setUp() {
		mfaUsers = new MfaTestUsers(context);
	}

	@Test
	void theMailedLinkLeadsToTheSecondStepNotIntoTheAccount() throws Exception {
		String email = uniqueEmail();
		byte[] secret = mfaUsers.enrolTotp(mfaUsers.create(email));
		Browser browser = new Browser(mvc).from("10.9.7.1");
		browser.perform(get("/login/"));
		browser.perform(post("/login/email/").with(csrf()).param("email", email));
		String token = URI.create(TestMail.awaitLink(email, 1)).getPath().replaceFirst(".*/", "");

		MvcResult used = browser.perform(post("/login/link/").with(csrf()).param("token", token));
		assertThat(used.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor/");
		assertThat(browser.isLoggedIn()).isFalse();

		MvcResult right = browser.perform(post("/login/second-factor/").with(csrf()).param("factor", "totp")
			.param("code", mfaUsers.code(secret, 0)));
		assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(browser.isLoggedIn()).isTrue();
	}

	@Test
	void theMailedCodeInJsonAnswersThatASecondFactorIsRequired() throws Exception {
		String email = uniqueEmail();
		byte[] secret = mfaUsers.enrolTotp(mfaUsers.create(email));
		Browser api = new Browser(mvc).from("10.9.7.2");
		api.perform(api.withApiCsrf(post("/api/login/link").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\"}")));
		TestMail.awaitLink(email, 1);
		Matcher code = CODE.matcher(GreenMailUtil.getBody(TestMail.to(email).get(0)));
		assertThat(code.find()).isTrue();

		MvcResult signIn = api.perform(api.withApiCsrf(post("/api/login/code").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"code\":\"" + code.group(1) + "\"}")));
		assertThat(signIn.getResponse().getStatus()).isEqualTo(202);
		assertThat(signIn.getResponse().getContentAsString()).contains("\"status\":\"second-factor-required\"")
			.contains("\"next\":\"/api/login/second-factor\"");
		assertThat(api.perform(get("/api/me")).getResponse().getStatus()).isEqualTo(401);

		MvcResult right = api.perform(api.withApiCsrf(post("/api/login/second-factor")
			.contentType(MediaType.APPLICATION_JSON).content("{\"factor\":\"totp\",\"code\":\"" + mfaUsers.code(secret, 0)
					+ "\"}")));
		assertThat(right.getResponse().getStatus()).isEqualTo(200);
		assertThat(api.perform(get("/api/me")).getResponse().getStatus()).isEqualTo(200);
	}
}
