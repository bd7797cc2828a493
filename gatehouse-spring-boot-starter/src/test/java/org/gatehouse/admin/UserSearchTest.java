package org.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@GatehouseIntegrationTest
class UserSearchTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	UserSearch search;

	@Test
	void findsByEmailPrefixPageByPage() {
		String prefix = "s" + UUID.randomUUID().toString().substring(0, 6);
		for (String suffix : List.of("e", "a", "d", "b", "c")) {
			users.create(prefix + suffix + "@example.org", null, null, true);
		}
		users.create("x" + prefix + "@example.org", null, null, true);

		List<String> found = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			UserSearch.Page page = search.search(prefix.toUpperCase(), UserSearch.Field.EMAIL, cursor, 2);
			page.users().forEach(u -> found.add(u.email()));
			cursor = page.nextCursor();
			pages++;
		}
		while (cursor != null);
		assertThat(found).containsExactly(prefix + "a@example.org", prefix + "b@example.org", prefix + "c@example.org",
				prefix + "d@example.org", prefix + "e@example.org");
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void findsByUsernamePrefix() {
		String prefix = "n" + UUID.randomUUID().toString().substring(0, 6);
		users.create(WebClient.uniqueEmail(), prefix + "Bob", null, true);
		users.create(WebClient.uniqueEmail(), prefix + "ann", null, true);
		UserSearch.Page page = search.search(prefix, UserSearch.Field.USERNAME, null, 10);
		assertThat(page.users()).extracting(User::username).containsExactly(prefix + "ann", prefix + "Bob");
		assertThat(page.nextCursor()).isNull();
	}

	@Test
	void likeWildcardsInTheQueryAreLiteral() {
		String prefix = "w" + UUID.randomUUID().toString().substring(0, 6);
		users.create(prefix + "_x@example.org", null, null, true);
		users.create(prefix + "yx@example.org", null, null, true);
		assertThat(search.search(prefix + "_", UserSearch.Field.EMAIL, null, 10).users()).hasSize(1);
		assertThat(search.search(prefix + "%", UserSearch.Field.EMAIL, null, 10).users()).isEmpty();
	}

	@Test
	void listsAllUsersByIdWithoutAQuery() {
		long a = users.create(WebClient.uniqueEmail(), null, null, true);
		long b = users.create(WebClient.uniqueEmail(), null, null, true);
		long c = users.create(WebClient.uniqueEmail(), null, null, true);
		UserSearch.Page page = search.search(null, UserSearch.Field.EMAIL, Long.toString(a - 1), 2);
		assertThat(page.users()).extracting(User::id).containsExactly(a, b);
		assertThat(page.nextCursor()).isEqualTo(Long.toString(b));
		assertThat(search.search(null, UserSearch.Field.EMAIL, page.nextCursor(), 2).users()).extracting(User::id)
			.startsWith(c);
	}

	@Test
	void theSearchPageShowsMatchesAndANextLink() throws Exception {
		String prefix = "p" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < AdminUsersController.PAGE_SIZE + 1; i++) {
			users.create(prefix + String.format("%03d", i) + "@example.org", null, null, true);
		}
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email, "admin");
		WebClient admin = new WebClient(mvc);
		admin.login(email, WebClient.PASSWORD);
		String first = admin.perform(get("/admin/users/").param("q", prefix)).getResponse().getContentAsString();
		assertThat(first).contains(prefix + "000@example.org").doesNotContain(prefix + "050@example.org")
			.contains("id=\"next-page\"");
		String second = admin.perform(get("/admin/users/").param("q", prefix).param("after", prefix + "049@example.org"))
			.getResponse().getContentAsString();
		assertThat(second).contains(prefix + "050@example.org").doesNotContain(prefix + "049@example.org")
			.doesNotContain("id=\"next-page\"");
	}
}
