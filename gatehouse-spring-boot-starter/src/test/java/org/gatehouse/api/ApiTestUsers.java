package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;

/** Confirmed users made straight in the store, and logged-in clients for them. */
class ApiTestUsers {

	static final String PASSWORD = "plum-orbit-lantern-42";

	private final UserStore users;
	private final PasswordService passwords;

	ApiTestUsers(UserStore users, PasswordService passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	static String uniqueEmail() {
		return "api" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	long create(String email) {
		return users.create(email, null, passwords.hashNew(PASSWORD), true);
	}

	/** A new administrator, logged in with a cookie session (not yet re-authenticated). */
	ApiClient admin(int port) {
		String email = uniqueEmail();
		users.addRole(create(email), "admin");
		return login(port, email);
	}

	/** A new confirmed user, logged in through /api/login. */
	ApiClient loggedIn(int port, String email) {
		create(email);
		return login(port, email);
	}

	private static ApiClient login(int port, String email) {
		ApiClient client = new ApiClient(port);
		ApiClient.Response login = client.post("/api/login", Map.of("email", email, "password", PASSWORD));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return client;
	}
}
