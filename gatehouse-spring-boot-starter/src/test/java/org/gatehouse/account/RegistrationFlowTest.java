package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.UUID;

import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@GatehouseIntegrationTest
class RegistrationFlowTest {

	static final String PASSWORD = "plum-orbit-lantern-42";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	static String uniqueEmail() {
		return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	@Test
	void registersSendsConfirmationMailAndConfirmsOnce() throws Exception {
		String email = uniqueEmail();
		mvc.perform(post("/signup/").with(csrf()).param("email", email).param("password", PASSWORD)
				.param("passwordConfirm", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("We sent a confirmation link to")));
		assertThat(users.findByEmail(email)).get().extracting(User::confirmed).isEqualTo(false);

		String link = TestMail.awaitLink(email, 1);
		String path = URI.create(link).getPath();
		assertThat(path).startsWith("/confirm/").doesNotContain(email);

		mvc.perform(post(path).with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("your email address is confirmed")));
		assertThat(users.findByEmail(email)).get().extracting(User::confirmed).isEqualTo(true);
		mvc.perform(post(path).with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(get(path)).andExpect(status().isBadRequest());
	}

	/** Mail scanners and link previews open links: only the button on the page may confirm. */
	@Test
	void openingTheConfirmationLinkOnlyShowsAButton() throws Exception {
		String email = uniqueEmail();
		register(email).andExpect(status().isOk());
		String path = URI.create(TestMail.awaitLink(email, 1)).getPath();

		for (int i = 0; i < 2; i++) {
			String page = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
			mvc.perform(head(path));
			assertThat(users.findByEmail(email)).get().extracting(User::confirmed).as("confirmed by a GET").isEqualTo(false);
			assertThat(page).contains("id=\"confirm-submit\"", "action=\"" + path + "\"");
		}
		mvc.perform(post(path)).andExpect(status().isForbidden());
		assertThat(users.findByEmail(email)).get().extracting(User::confirmed).isEqualTo(false);

		mvc.perform(post(path).with(csrf())).andExpect(status().isOk());
		assertThat(users.findByEmail(email)).get().extracting(User::confirmed).isEqualTo(true);
	}

	@Test
	void emailIsUniqueWhateverItsCase() throws Exception {
		String email = uniqueEmail();
		register(email).andExpect(status().isOk());
		register(email.toUpperCase())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("already has an account")));
	}

	@Test
	void refusesWithoutCsrfTokenAndCreatesNothing() throws Exception {
		String email = uniqueEmail();
		mvc.perform(post("/signup/").param("email", email).param("password", PASSWORD)
				.param("passwordConfirm", PASSWORD))
			.andExpect(status().isForbidden());
		assertThat(users.findByEmail(email)).isEmpty();
	}

	@Test
	void showsFieldErrorsAndCreatesNothing() throws Exception {
		String email = uniqueEmail();
		mvc.perform(post("/signup/").with(csrf()).param("email", email).param("username", "9lives")
				.param("password", "password123").param("passwordConfirm", "other"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("A username starts with a letter")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("The two passwords are not the same")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"password-error\"")));
		assertThat(users.findByEmail(email)).isEmpty();
	}

	private org.springframework.test.web.servlet.ResultActions register(String email) throws Exception {
		return mvc.perform(post("/signup/").with(csrf()).param("email", email).param("password", PASSWORD)
			.param("passwordConfirm", PASSWORD));
	}
}
