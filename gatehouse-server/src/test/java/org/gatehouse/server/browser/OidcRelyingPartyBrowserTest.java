package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gatehouse.account.UserStore;
import org.gatehouse.admin.BanService;
import org.gatehouse.oidc.CreatedOidcClient;
import org.gatehouse.oidc.NewOidcClient;
import org.gatehouse.oidc.OidcClients;
import org.gatehouse.password.PasswordService;
import org.gatehouse.relyingparty.RelyingPartyApplication;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Single sign-on into a second Spring Boot application (Spring Security's oauth2Login) in a real browser: Gatehouse's
 * login and consent pages, back in the relying party signed in; out through RP-initiated logout (which ends the
 * Gatehouse session too); and, after an administrator's ban, out of the relying party by back-channel logout.
 */
@BrowserTest
class OidcRelyingPartyBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	OidcClients clients;

	@Autowired
	BanService bans;

	@Test
	void signInThroughGatehouseSignOutAgainAndBeSignedOutByABan() {
		String email = Accounts.uniqueEmail();
		long userId = users.create(email, null, passwords.hashNew(PASSWORD), true);
		// the client is registered with the relying party's URIs before it starts (it reads the issuer at start)
		int rpPort = freePort();
		String rp = "http://127.0.0.1:" + rpPort;
		CreatedOidcClient client = clients.create(new NewOidcClient("Library catalogue " + rpPort,
				List.of(rp + "/login/oauth2/code/gatehouse"), List.of(rp + "/signed-out"), false,
				List.of("openid", "profile", "email"), false, rp + "/logout/connect/back-channel/gatehouse"), null);
		try (ConfigurableApplicationContext relyingParty = RelyingPartyApplication.start(rpPort, "http://localhost:" + port,
				client.client().clientId(), client.clientSecret());
				Browser browser = Browser.start(port)) {
			browser.driver().get(rp + "/");
			browser.waitFor(By.id("login-form"));
			browser.type(By.id("login"), email).type(By.id("password"), PASSWORD).submit(By.id("login-submit"));
			assertThat(browser.waitFor(By.id("consent-client")).getText()).contains("Library catalogue");
			// pages of the relying party (no favicon) are not held to Gatehouse's console rule: plain clicks from here
			browser.driver().findElement(By.id("consent-submit")).click();
			assertThat(browser.waitFor(By.id("rp-user")).getText()).contains(email, "(" + userId + ")");

			browser.driver().get(rp + "/logout"); // Spring Security's own page: not held to Gatehouse's console rule
			browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
			assertThat(browser.waitFor(By.id("rp-signed-out")).getText()).isEqualTo("Signed out");
			browser.driver().get(browser.url("/account/settings/sessions/"));
			browser.waitFor(By.id("login-form"));

			// signed in again (consent remembered), then banned: the relying party's session ends by itself
			browser.driver().get(rp + "/");
			browser.waitFor(By.id("login-form"));
			browser.type(By.id("login"), email).type(By.id("password"), PASSWORD);
			browser.driver().findElement(By.id("login-submit")).click();
			browser.waitFor(By.id("rp-user"));
			bans.ban(null, userId);
			Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
			boolean signedOut = false;
			while (!signedOut && Instant.now().isBefore(deadline)) {
				browser.driver().get(rp + "/");
				signedOut = !browser.has(By.id("rp-user"));
			}
			assertThat(signedOut).as("the relying party's session ended after the ban").isTrue();
		}
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
