package org.gatehouse.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.servlet.http.Cookie;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.testapp.TestMail;
import org.gatehouse.account.Mails;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

@GatehouseIntegrationTest
class RegistrationFlowTest {

	static final String PASSWORD = "plum-orbit-lantern-42";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	GatehouseProperties properties;

	static String uniqueEmail() {
		return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	@Test
	void registersSendsConfirmationMailAndConfirmsOnce() throws Exception {
		String email = uniqueEmail();
		mvc.perform(post("/signup/").with(csrf()).param("email", email).param("password", PASSWORD)
				.param("passwordConfirm", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("We sent a mail to " + email)));
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

	/** The person at the form learns nothing; the owner of the address learns that someone tried. */
	@Test
	void aTakenAddressGetsTheAnswerOfANewOneAndItsOwnerAMail() throws Exception {
		String email = uniqueEmail();
		MvcResult created = register(email).andExpect(status().isOk()).andReturn();
		User owner = users.findByEmail(email).orElseThrow();

		MvcResult taken = register(email.toUpperCase()).andExpect(status().isOk()).andReturn();

		assertThat(message(taken)).isEqualTo(message(created).replace(email, email.toUpperCase()));
		assertThat(loggedIn(created)).isFalse();
		assertThat(loggedIn(taken)).isFalse();
		assertThat(users.findByEmail(email)).get().extracting(User::passwordHash).isEqualTo(owner.passwordHash());
		Mails.awaitSubject(email, "Someone tried to sign up with your email address");
		String notice = GreenMailUtil.getBody(TestMail.to(email).get(1)).replace("=\r\n", "");
		assertThat(notice).contains("/login/", "/lost-password/", "pre-line").doesNotContain(PASSWORD);
		assertThat(TestMail.to(email)).hasSize(2);
	}

	/** As Flask-Security does: the mail goes to the new address, so only who reads it learns the username is taken. */
	@Test
	void aTakenUsernameGetsTheAnswerOfANewOneAndTheNewAddressAMail() throws Exception {
		String owner = uniqueEmail();
		String username = "n" + UUID.randomUUID().toString().substring(0, 8);
		MvcResult created = register(owner, username).andExpect(status().isOk()).andReturn();
		String other = uniqueEmail();

		MvcResult taken = register(other, username.toUpperCase()).andExpect(status().isOk()).andReturn();

		assertThat(message(taken)).isEqualTo(message(created).replace(owner, other));
		assertThat(users.findByEmail(other)).isEmpty();
		Mails.awaitSubject(other, "Your account was not created");
		assertThat(GreenMailUtil.getBody(TestMail.to(other).get(0))).contains("/signup/");
		assertThat(Mails.subjects(owner)).containsExactly("Confirm your email address");
	}

	@Test
	void explicitAnswersNameTheTakenFieldWhenGenericResponsesAreOff() throws Exception {
		String email = uniqueEmail();
		String username = "x" + UUID.randomUUID().toString().substring(0, 8);
		properties.getFeatures().setReturnGenericResponses(false);
		try {
			MvcResult created = register(email, username).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("We sent a confirmation link to")))
				.andReturn();
			assertThat(loggedIn(created)).as("logged in at sign-up").isTrue();
			register(email.toUpperCase(), null)
				.andExpect(content().string(org.hamcrest.Matchers.containsString("already has an account")));
			register(uniqueEmail(), username.toUpperCase())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("This username is taken")));
			mvc.perform(post("/api/register").contentType(MediaType.APPLICATION_JSON)
					.content("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("email"));
		}
		finally {
			properties.getFeatures().setReturnGenericResponses(true);
		}
		assertThat(Mails.subjects(email)).containsExactly("Confirm your email address");
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

	private ResultActions register(String email) throws Exception {
		return register(email, null);
	}

	private ResultActions register(String email, String username) throws Exception {
		return mvc.perform(post("/signup/").with(csrf()).param("email", email).param("username", username == null ? "" : username)
			.param("password", PASSWORD).param("passwordConfirm", PASSWORD));
	}

	private static String message(MvcResult result) throws Exception {
		Matcher message = Pattern.compile("<p id=\"message\">([^<]*)</p>")
			.matcher(result.getResponse().getContentAsString());
		assertThat(message.find()).as(result.getResponse().getContentAsString()).isTrue();
		return message.group(1);
	}

	/** Whether the cookies the answer set log the browser in (a protected page answers instead of redirecting). */
	private boolean loggedIn(MvcResult result) throws Exception {
		Cookie[] cookies = result.getResponse().getCookies();
		if (cookies.length == 0) {
			return false;
		}
		return mvc.perform(get("/account/settings/sessions/").cookie(cookies)).andReturn().getResponse()
			.getStatus() == 200;
	}
}
