package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gatehouse.cache.NearCaches;
import org.gatehouse.session.SessionIdHash;
import org.gatehouse.session.SessionIdHash;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Revoking a session ends the remember-me login of the browser it belongs to, whichever way it is
 * revoked: otherwise the revoked device is logged straight back in by its cookie at its next request.
 */
@GatehouseIntegrationTest
class RememberMeRevocationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	FindByIndexNameSessionRepository<?> sessionStore;

	@Autowired
	NearCaches nearCaches;

	/** The laptop logged in with "remember me", the phone without; both browsers of one user. */
	private record Devices(long userId, Browser laptop, Browser phone) {
	}

	private Devices devices() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		Browser laptop = new Browser(mvc);
		assertThat(laptop.loginRemembered(email, PASSWORD).getResponse().getStatus()).isEqualTo(302);
		assertThat(laptop.cookie(Browser.REMEMBER_COOKIE)).isNotBlank();
		Browser phone = new Browser(mvc);
		phone.login(email, PASSWORD);
		assertThat(laptop.isLoggedIn()).isTrue();
		assertThat(phone.isLoggedIn()).isTrue();
		return new Devices(id, laptop, phone);
	}

	private static String ref(Browser browser) {
		return SessionIdHash.of(browser.sessionId());
	}

	@Test
	void revokingTheSessionOnTheSessionsPageEndsItsRememberMeLogin() throws Exception {
		Devices d = devices();
		int status = d.phone().perform(post("/account/settings/sessions/" + ref(d.laptop()) + "/revoke").with(csrf()))
			.getResponse().getStatus();
		assertThat(status).isEqualTo(302);
		assertThat(d.laptop().isLoggedIn()).as("the revoked laptop, with its remember-me cookie").isFalse();
		assertThat(d.phone().isLoggedIn()).isTrue();
	}

	@Test
	void signingOutEverywhereElseEndsTheOtherRememberMeLogins() throws Exception {
		Devices d = devices();
		d.phone().perform(post("/account/settings/sessions/revoke-others").with(csrf()));
		assertThat(d.laptop().isLoggedIn()).isFalse();
		assertThat(d.phone().isLoggedIn()).isTrue();
	}

	@Test
	void revokingTheSessionThroughTheApiEndsItsRememberMeLogin() throws Exception {
		Devices d = devices();
		int status = d.phone().perform(d.phone().withApiCsrf(delete("/api/sessions/" + ref(d.laptop()))))
			.getResponse().getStatus();
		assertThat(status).isEqualTo(204);
		assertThat(d.laptop().isLoggedIn()).isFalse();
	}

	@Test
	void revokingAllOtherSessionsThroughTheApiEndsTheirRememberMeLogins() throws Exception {
		Devices d = devices();
		assertThat(d.phone().perform(d.phone().withApiCsrf(delete("/api/sessions"))).getResponse().getStatus())
			.isEqualTo(200);
		assertThat(d.laptop().isLoggedIn()).isFalse();
		assertThat(d.phone().isLoggedIn()).isTrue();
	}

	/** An administrator logged in who has just confirmed their password (privileged actions need it). */
	private Browser reauthenticatedAdmin() throws Exception {
		String email = uniqueEmail();
		long adminId = AccountTestUsers.create(users, passwords, email, null);
		users.addRole(adminId, "admin");
		Browser admin = new Browser(mvc);
		admin.login(email, PASSWORD);
		assertThat(admin.perform(post("/admin/reauth").with(csrf()).param("password", PASSWORD)).getResponse()
			.getStatus()).isEqualTo(302);
		return admin;
	}

	@Test
	void anAdministratorRevokingOneSessionEndsItsRememberMeLogin() throws Exception {
		Devices d = devices();
		assertThat(reauthenticatedAdmin().perform(post("/admin/users/" + d.userId() + "/sessions/" + ref(d.laptop())
				+ "/revoke").with(csrf())).getResponse().getStatus()).isEqualTo(302);
		assertThat(d.laptop().isLoggedIn()).isFalse();
		assertThat(d.phone().isLoggedIn()).isTrue();
	}

	@Test
	void anAdministratorRevokingAllSessionsEndsEveryRememberMeLogin() throws Exception {
		Devices d = devices();
		assertThat(reauthenticatedAdmin().perform(post("/admin/users/" + d.userId() + "/sessions/revoke-all")
				.with(csrf())).getResponse().getStatus()).isEqualTo(302);
		assertThat(d.laptop().isLoggedIn()).isFalse();
		assertThat(d.phone().isLoggedIn()).isFalse();
	}

	/** "Everywhere" includes a remembered browser whose session has already expired and so is not listed. */
	@Test
	void signingOutEverywhereElseReachesRememberedBrowsersWithoutASession() throws Exception {
		Devices d = devices();
		sessionStore.deleteById(d.laptop().sessionId());
		// an expired session is expired in the near cache too; a deletion in the store alone sends no invalidation
		nearCaches.cache(NearCaches.SESSIONS).invalidate(SessionIdHash.of(d.laptop().sessionId()));
		d.phone().perform(post("/account/settings/sessions/revoke-others").with(csrf()));
		assertThat(d.laptop().isLoggedIn()).isFalse();
	}

	@Test
	void signingOutEverywhereElseKeepsThisBrowsersOwnRememberMeLogin() throws Exception {
		Devices d = devices();
		String laptopCookie = d.laptop().cookie(Browser.REMEMBER_COOKIE);
		d.laptop().perform(post("/account/settings/sessions/revoke-others").with(csrf()));
		assertThat(d.phone().isLoggedIn()).isFalse();
		Browser restarted = new Browser(mvc);
		restarted.setCookie(Browser.REMEMBER_COOKIE, laptopCookie);
		assertThat(restarted.isLoggedIn()).as("the laptop after a restart, by its cookie alone").isTrue();
	}

	/** Session references are public (they are listed): another user's must do nothing, page or API. */
	@Test
	void anotherUsersSessionCannotBeRevokedByItsId() throws Exception {
		Devices victim = devices();
		Devices mallory = devices();
		String victimRef = ref(victim.phone());
		assertThat(mallory.phone().perform(post("/account/settings/sessions/" + victimRef + "/revoke").with(csrf()))
			.getResponse().getStatus()).isEqualTo(404);
		var api = mallory.phone().perform(mallory.phone().withApiCsrf(delete("/api/sessions/" + victimRef)))
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(404);
		assertThat(api.getContentType()).startsWith("application/problem+json");
		assertThat(victim.phone().isLoggedIn()).isTrue();
		assertThat(victim.laptop().isLoggedIn()).isTrue();
	}
}
