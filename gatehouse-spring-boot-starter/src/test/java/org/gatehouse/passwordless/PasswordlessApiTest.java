package org.gatehouse.passwordless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.gatehouse.account.AccountTestUsers;
import org.gatehouse.account.Browser;
import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/login/link and /api/login/code: the pages' rules in JSON, errors as problem documents. */
@GatehouseIntegrationTest
class PasswordlessApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private Browser client() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new Browser(mvc).from("10.79." + random.nextInt(256) + "." + random.nextInt(1, 255));
	}

	private static MvcResult postJson(Browser client, String path, Map<String, Object> body) throws Exception {
		return client.perform(client.withApiCsrf(post(path).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body))));
	}

	@Test
	void codeFromTheMailSignsInTheClientThatAsked() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		Browser client = client();
		MvcResult asked = postJson(client, "/api/login/link", Map.of("email", email));
		assertThat(asked.getResponse().getStatus()).isEqualTo(200);
		assertThat(asked.getResponse().getContentAsString()).contains("we sent it a sign-in link and code");
		String code = PasswordlessFlowTest.code(email, 1);

		MvcResult signedIn = postJson(client, "/api/login/code", Map.of("email", email, "code", code));
		assertThat(signedIn.getResponse().getStatus()).isEqualTo(200);
		assertThat(JSON.readTree(signedIn.getResponse().getContentAsString()).get("id").asLong()).isEqualTo(id);
		assertThat(client.perform(get("/api/me")).getResponse().getStatus()).isEqualTo(200);

		MvcResult replay = postJson(client, "/api/login/code", Map.of("email", email, "code", code));
		assertThat(replay.getResponse().getStatus()).isEqualTo(401);
		assertThat(replay.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(replay.getResponse().getContentAsString()).contains("wrong, expired or already used");
	}

	@Test
	void unknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
		String known = uniqueEmail();
		AccountTestUsers.create(users, passwords, known, null);
		String unknown = uniqueEmail();
		MvcResult knownAnswer = postJson(client(), "/api/login/link", Map.of("email", known));
		MvcResult unknownAnswer = postJson(client(), "/api/login/link", Map.of("email", unknown));
		assertThat(unknownAnswer.getResponse().getStatus()).isEqualTo(knownAnswer.getResponse().getStatus());
		assertThat(unknownAnswer.getResponse().getContentAsString())
			.isEqualTo(knownAnswer.getResponse().getContentAsString());
		TestMail.awaitLink(known, 1);
		assertThat(TestMail.to(unknown)).isEmpty();

		MvcResult guess = postJson(client(), "/api/login/code", Map.of("email", unknown, "code", "123456"));
		assertThat(guess.getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void codeWithoutTheAskingClientsCookieIsRefused() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		postJson(client(), "/api/login/link", Map.of("email", email));
		String code = PasswordlessFlowTest.code(email, 1);
		Browser other = client();
		assertThat(postJson(other, "/api/login/code", Map.of("email", email, "code", code)).getResponse().getStatus())
			.isEqualTo(401);
		assertThat(other.perform(get("/api/me")).getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void badRequestsAreProblems() throws Exception {
		MvcResult noEmail = postJson(client(), "/api/login/link", Map.of("email", "not an address"));
		assertThat(noEmail.getResponse().getStatus()).isEqualTo(400);
		assertThat(noEmail.getResponse().getContentType()).startsWith("application/problem+json");
		MvcResult noCode = postJson(client(), "/api/login/code", Map.of("email", uniqueEmail()));
		assertThat(noCode.getResponse().getStatus()).isEqualTo(400);
		assertThat(noCode.getResponse().getContentAsString()).contains("\"field\":\"code\"");
	}
}
