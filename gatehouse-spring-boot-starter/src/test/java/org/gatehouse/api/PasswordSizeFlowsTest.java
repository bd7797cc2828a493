package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 23 item 22: a 64-character and a 4,096-byte password (the policy's maximum, multi-byte
 * characters included) through the real flows, over HTTP: sign-up, form and API login, change on
 * the page and in the API; one byte more is refused as a wrong password or a policy error, never a 5xx.
 */
@GatehouseServerTest
class PasswordSizeFlowsTest {

	@LocalServerPort
	int port;

	/** Letters, digits and 2-, 3- and 4-byte characters that NFKC leaves alone, exactly {@code bytes} long in UTF-8. */
	static String passwordOfBytes(int bytes, long seed) {
		String[] alphabet = { "a", "Q", "7", "-", "\u00e9", "\u00df", "\u20ac", "\u6f22", "\ud83d\ude00" };
		Random random = new Random(seed);
		StringBuilder password = new StringBuilder();
		int size = 0;
		while (size < bytes) {
			String next = alphabet[random.nextInt(alphabet.length)];
			int length = next.getBytes(StandardCharsets.UTF_8).length;
			if (size + length > bytes) {
				next = "z";
				length = 1;
			}
			password.append(next);
			size += length;
		}
		return password.toString();
	}

	static String passwordOfCharacters(int characters, long seed) {
		Random random = new Random(seed);
		StringBuilder password = new StringBuilder();
		while (password.length() < characters) {
			password.append((char) ('!' + random.nextInt(94)));
		}
		return password.toString();
	}

	private ApiClient.Response apiLogin(String email, String password) {
		return new ApiClient(port).post("/api/login", Map.of("email", email, "password", password));
	}

	@Test
	void sixtyFourCharactersAndFourThousandNinetySixBytesWorkEverywhereAndOneByteMoreIsRefusedCleanly() {
		String email = ApiTestUsers.uniqueEmail();
		String sixtyFour = passwordOfCharacters(64, 64);
		String maximum = passwordOfBytes(4096, 4096);
		assertThat(maximum.getBytes(StandardCharsets.UTF_8)).hasSize(4096);
		String base = "http://localhost:" + port;

		ApiClient browser = new ApiClient(port);
		ApiClient.Response registered = browser.post("/api/register", Map.of("email", email, "password", sixtyFour));
		// 202: sign-up answers generically by default (gatehouse.features.return-generic-responses)
		assertThat(registered.status()).as(registered.body()).isEqualTo(202);
		assertThat(apiLogin(email, sixtyFour).status()).isEqualTo(200);

		FormClient page = new FormClient();
		HttpResponse<String> formLogin = page.login(base, email, sixtyFour);
		assertThat(formLogin.headers().firstValue("Location")).hasValue(base + "/");
		HttpResponse<String> changed = page.submit(base + "/account/settings/password/", Map.of(
				"currentPassword", sixtyFour, "password", maximum, "passwordConfirm", maximum));
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).contains("Password changed");

		assertThat(apiLogin(email, sixtyFour).status()).isEqualTo(401);
		ApiClient laptop = new ApiClient(port);
		assertThat(laptop.post("/api/login", Map.of("email", email, "password", maximum)).status()).isEqualTo(200);
		assertThat(new FormClient().login(base, email, maximum).headers().firstValue("Location")).hasValue(base + "/");

		ApiClient.Response oneByteMore = apiLogin(email, maximum + "z");
		assertThat(oneByteMore.status()).as(oneByteMore.body()).isEqualTo(401);
		assertThat(oneByteMore.detail()).isEqualTo("The email/username or password is not correct.");

		ApiClient.Response tooLong = laptop.post("/api/change-password",
				Map.of("password", maximum, "new_password", maximum + "z"));
		assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
		assertThat(tooLong.contentType()).startsWith("application/problem+json");
		assertThat(tooLong.body()).contains("4096 bytes");

		ApiClient.Response backTo64 = laptop.post("/api/change-password",
				Map.of("password", maximum, "new_password", sixtyFour));
		assertThat(backTo64.status()).as(backTo64.body()).isEqualTo(200);
		assertThat(apiLogin(email, sixtyFour).status()).isEqualTo(200);
	}
}
