package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.PASSWORD;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator bans a logged-in user, confirming their password on the way (the ban completes
 * after it); the user's next click lands on the login page.
 */
@BrowserTest
class AdminBanBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Test
	void bannedUsersNextClickLandsOnTheLoginPage() {
		String adminEmail = Accounts.uniqueEmail();
		String userEmail = Accounts.uniqueEmail();
		long adminId = users.create(adminEmail, null, passwords.hashNew(PASSWORD), true);
		users.addRole(adminId, "admin");
		long userId = users.create(userEmail, null, passwords.hashNew(PASSWORD), true);

		try (Browser admin = Browser.start(port); Browser user = Browser.start(port)) {
			Accounts.loginSucceeds(user, userEmail, PASSWORD, false);
			Accounts.loginSucceeds(admin, adminEmail, PASSWORD, false);

			admin.open("/admin/users/" + userId);
			assertThat(admin.waitFor(By.id("user-email")).getText()).isEqualTo(userEmail);
			admin.submit(By.id("ban"));
			// destructive actions need the admin's password again, then complete without a second click
			assertThat(admin.waitFor(By.id("reauth-window")).getText()).contains("within the last 5 minutes");
			admin.type(By.id("password"), PASSWORD).submit(By.id("reauth-submit"));
			assertThat(admin.path()).isEqualTo("/admin/users/" + userId);
			assertThat(admin.waitFor(By.id("admin-notice")).getText()).contains("User " + userEmail + " banned");
			assertThat(admin.waitFor(By.id("user-status")).getText()).isNotEqualToIgnoringCase("active");
			assertThat(admin.has(By.id("unban"))).isTrue();

			user.driver().findElement(By.id("nav-sessions")).click();
			user.waitFor(By.id("login-form"));
			assertThat(user.path()).isEqualTo("/login/");
			user.assertCleanConsole(user.path());
		}
	}
}
