package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.gatehouse.http.testapp.RawHttp;
import org.gatehouse.testapp.GatehouseServerTest;
import org.gatehouse.testapp.TestMail;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Reset links over real HTTP: the port in a mailed link is never one the client named in its Host header. */
@GatehouseServerTest
class MailedLinkPortTest {

	@LocalServerPort
	int port;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Test
	void aForgedPortInTheHostHeaderDoesNotReachTheResetLink() throws Exception {
		String email = AccountTestUsers.uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);

		assertThat(forgotPassword(email, "localhost:6666").status()).isEqualTo(200);

		assertThat(TestMail.awaitLink(email, 1)).startsWith("http://localhost/lost-password/").doesNotContain("6666");
	}

	@Test
	void thePortTheServerListensOnIsKept() throws Exception {
		String email = AccountTestUsers.uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);

		assertThat(forgotPassword(email, "localhost:" + port).status()).isEqualTo(200);

		assertThat(TestMail.awaitLink(email, 1)).startsWith("http://localhost:" + port + "/lost-password/");
	}

	private RawHttp.Response forgotPassword(String email, String host) throws Exception {
		byte[] body = ("{\"email\":\"" + email + "\"}").getBytes(StandardCharsets.UTF_8);
		return RawHttp.send(port, "POST /api/forgot-password HTTP/1.1\nHost: " + host
				+ "\nContent-Type: application/json\nContent-Length: " + body.length + "\nConnection: close\n", body);
	}
}
