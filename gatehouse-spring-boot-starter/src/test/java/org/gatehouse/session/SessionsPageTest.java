package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gatehouse.account.UserStore;
import org.gatehouse.admin.WebClient;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@GatehouseIntegrationTest
class SessionsPageTest {

	static final String SESSIONS = "/account/settings/sessions/";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Test
	void signingOutOthersCountsInProperPlurals() throws Exception {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email);
		WebClient laptop = new WebClient(mvc);
		laptop.login(email, WebClient.PASSWORD);
		new WebClient(mvc).login(email, WebClient.PASSWORD);

		assertThat(notice(laptop)).isEqualTo("Signed out 1 session.");
		new WebClient(mvc).login(email, WebClient.PASSWORD);
		new WebClient(mvc).login(email, WebClient.PASSWORD);
		assertThat(notice(laptop)).isEqualTo("Signed out 2 sessions.");
	}

	@Test
	void theDeviceTypeIsNamedInTheReadersLanguage() throws Exception {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email);
		WebClient phone = new WebClient(mvc);
		phone.perform(post("/login/").header("User-Agent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
				+ "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36").with(csrf()).param("login", email)
			.param("password", WebClient.PASSWORD));
		assertThat(phone.perform(get(SESSIONS).header("Accept-Language", "de")).getResponse().getContentAsString())
			.contains("class=\"device\">Mobilgerät<");
	}

	private static String notice(WebClient browser) throws Exception {
		browser.perform(post(SESSIONS + "revoke-others").with(csrf()));
		String page = browser.perform(get(SESSIONS)).getResponse().getContentAsString();
		java.util.regex.Matcher notice = java.util.regex.Pattern.compile("id=\"sessions-notice\">([^<]*)<").matcher(page);
		assertThat(notice.find()).as("notice on the sessions page").isTrue();
		return notice.group(1);
	}
}
