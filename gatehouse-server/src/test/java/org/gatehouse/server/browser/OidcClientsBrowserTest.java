package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.PASSWORD;

import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator registers an application in the admin area (confirming their password first) and sees its
 * secret on the answer page only: the application's own page never shows it again. No console error, no CSP
 * violation, no serious accessibility violation on the form or the answer.
 */
@BrowserTest
class OidcClientsBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Test
	void anAdministratorRegistersAnApplicationAndSeesItsSecretOnce() {
		String adminEmail = Accounts.uniqueEmail();
		users.addRole(users.create(adminEmail, null, passwords.hashNew(PASSWORD), true), "admin");

		try (Browser admin = Browser.start(port)) {
			Accounts.loginSucceeds(admin, adminEmail, PASSWORD, false);
			admin.open("/admin/users/");
			admin.driver().findElement(By.id("oidc-clients-link")).click();
			admin.waitFor(By.id("new-client")).click();
			admin.type(By.id("password"), PASSWORD).submit(By.id("reauth-submit"));
			assertThat(admin.path()).isEqualTo("/admin/oidc/clients/new");
			assertThat(Axe.seriousViolations(admin)).isEmpty();

			String name = "Library catalogue " + Accounts.uniqueEmail();
			admin.type(By.id("name"), name).type(By.id("redirectUris"), "https://catalogue.example.org/callback")
				.submit(By.id("new-client-submit"));
			assertThat(admin.waitFor(By.id("client-secret-notice")).getText()).contains("shown only this once");
			String secret = admin.waitFor(By.id("client-secret")).getText();
			assertThat(secret).hasSizeGreaterThan(30);
			assertThat(admin.waitFor(By.id("client-name")).getText()).isEqualTo(name);
			assertThat(Axe.seriousViolations(admin)).isEmpty();
			admin.assertCleanConsole(admin.path());

			String clientId = admin.waitFor(By.id("client-id")).getText();
			admin.open("/admin/oidc/clients/" + clientId);
			assertThat(admin.waitFor(By.id("client-name")).getText()).isEqualTo(name);
			assertThat(admin.has(By.id("client-secret"))).isFalse();
			assertThat(admin.driver().getPageSource()).doesNotContain(secret);
			admin.open("/admin/oidc/clients/");
			assertThat(admin.waitFor(By.id("clients-table")).getText()).contains(name, clientId)
				.doesNotContain(secret);
			admin.assertCleanConsole(admin.path());
		}
	}
}
