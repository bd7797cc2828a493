package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The pages speak the browser's language, and the footer's switcher overrides it. */
@GatehouseIntegrationTest
class LanguageTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theLoginPageFollowsAcceptLanguage() throws Exception {
		mvc.perform(get("/login/").header("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.5"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("<html lang=\"fr\"")))
			.andExpect(content().string(Matchers.containsString("<title>Connexion · Gatehouse</title>")));
	}

	@Test
	void aLanguageWithoutTextsGetsTheDefault() throws Exception {
		mvc.perform(get("/login/").header("Accept-Language", "ja"))
			.andExpect(content().string(Matchers.containsString("<html lang=\"en\"")))
			.andExpect(content().string(Matchers.containsString("<title>Log in · Gatehouse</title>")));
	}

	@Test
	void theSwitchersCookieWinsOverAcceptLanguage() throws Exception {
		mvc.perform(get("/login/").header("Accept-Language", "fr").cookie(new Cookie("gatehouse_lang", "de")))
			.andExpect(content().string(Matchers.containsString("<html lang=\"de\"")))
			.andExpect(content().string(Matchers.containsString("<title>Anmelden · Gatehouse</title>")));
	}

	@Test
	void theSwitcherSetsTheCookieAndAnswersInTheChosenLanguage() throws Exception {
		String page = mvc.perform(get("/login/").header("Accept-Language", "en"))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("href=\"?lang=de\"").contains(">Deutsch<").contains(">Français<");

		mvc.perform(get("/login/").param("lang", "de").header("Accept-Language", "fr"))
			.andExpect(cookie().value("gatehouse_lang", "de"))
			.andExpect(cookie().httpOnly("gatehouse_lang", true))
			.andExpect(content().string(Matchers.containsString("<title>Anmelden · Gatehouse</title>")));
	}

	@Test
	void theSwitchersCookieLastsAYearAndIsSecureOverHttps() throws Exception {
		mvc.perform(get("/login/").param("lang", "fr"))
			.andExpect(cookie().path("gatehouse_lang", "/"))
			.andExpect(cookie().maxAge("gatehouse_lang", 365 * 24 * 60 * 60))
			.andExpect(cookie().sameSite("gatehouse_lang", "Lax"))
			.andExpect(cookie().secure("gatehouse_lang", false));
		mvc.perform(get("/login/").secure(true).param("lang", "fr"))
			.andExpect(cookie().value("gatehouse_lang", "fr"))
			.andExpect(cookie().secure("gatehouse_lang", true))
			.andExpect(cookie().httpOnly("gatehouse_lang", true));
	}

	@Test
	void aCookieForALanguageWithoutTextsIsIgnored() throws Exception {
		mvc.perform(get("/login/").header("Accept-Language", "fr").cookie(new Cookie("gatehouse_lang", "ja")))
			.andExpect(content().string(Matchers.containsString("<html lang=\"fr\"")));
	}

	@Test
	void anUnknownLanguageInTheSwitcherOrCookieIsIgnored() throws Exception {
		mvc.perform(get("/login/").param("lang", "xx").cookie(new Cookie("gatehouse_lang", "'><script>")))
			.andExpect(status().isOk())
			.andExpect(cookie().doesNotExist("gatehouse_lang"))
			.andExpect(content().string(Matchers.containsString("<html lang=\"en\"")));
	}
}
