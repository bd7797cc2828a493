package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.token.ApiProperties;
import org.gatehouse.testapp.GatehouseServerTest;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whoever had the password (or the account) may have created personal access tokens: a reset by
 * email revokes them all, a voluntary change by default too (gatehouse.api.revoke-tokens-on-password-change).
 */
@GatehouseServerTest
class PasswordChangeRevokesTokensTest {

	static final String NEW_PASSWORD = "saffron-lighthouse-piano-31";

	@LocalServerPort
	int port;

	@Autowired
	UserStore store;

	@Autowired
	PasswordService passwords;

	@Autowired
	ApiProperties properties;

	/** A token created through the API by whoever knows the password (the attacker of these tests). */
	private String tokenFor(String email) {
		ApiClient attacker = new ApiClient(port);
		assertThat(attacker.post("/api/login", Map.of("email", email, "password", ApiTestUsers.PASSWORD)).status())
			.isEqualTo(200);
		ApiClient.Response created = attacker.post("/api/tokens", Map.of("name", "attacker's script", "scopes",
				List.of("user:read"), "password", ApiTestUsers.PASSWORD));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String secret = created.json().path("token").asString();
		assertThat(bearerWorks(secret)).isTrue();
		return secret;
	}

	private boolean bearerWorks(String secret) {
		int status = new ApiClient(port).get("/api/me", "Authorization", "Bearer " + secret).status();
		assertThat(status).isIn(200, 401);
		return status == 200;
	}

	@Test
	void aResetByEmailRevokesEveryToken() {
		String email = ApiTestUsers.uniqueEmail();
		new ApiTestUsers(store, passwords).create(email);
		String secret = tokenFor(email);
		ApiClient owner = new ApiClient(port);
		assertThat(owner.post("/api/forgot-password", Map.of("email", email)).status()).isEqualTo(200);
		String link = TestMail.awaitLink(email, 1);
		String resetToken = URI.create(link).getPath().substring(URI.create(link).getPath().lastIndexOf('/') + 1);
		ApiClient.Response reset = owner.post("/api/reset-password", Map.of("token", resetToken, "password", NEW_PASSWORD));
		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		assertThat(bearerWorks(secret)).isFalse();
	}

	@Test
	void aPasswordChangeRevokesEveryTokenByDefault() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient owner = new ApiTestUsers(store, passwords).loggedIn(port, email);
		String secret = tokenFor(email);
		ApiClient.Response changed = owner.post("/api/change-password",
				Map.of("password", ApiTestUsers.PASSWORD, "new_password", NEW_PASSWORD));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(bearerWorks(secret)).isFalse();
		assertThat(owner.get("/api/me").status()).as("the owner's own session stays").isEqualTo(200);
	}

	@Test
	void aPasswordChangeKeepsTheTokensWhenConfiguredTo() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient owner = new ApiTestUsers(store, passwords).loggedIn(port, email);
		String secret = tokenFor(email);
		properties.setRevokeTokensOnPasswordChange(false);
		try {
			ApiClient.Response changed = owner.post("/api/change-password",
					Map.of("password", ApiTestUsers.PASSWORD, "new_password", NEW_PASSWORD));
			assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		}
		finally {
			properties.setRevokeTokensOnPasswordChange(true);
		}
		assertThat(bearerWorks(secret)).isTrue();
	}
}
