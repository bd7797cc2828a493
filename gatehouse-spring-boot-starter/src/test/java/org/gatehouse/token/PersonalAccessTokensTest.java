package org.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.Reauthentication;
import org.gatehouse.account.ReauthenticationRequiredException;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@GatehouseServerTest
class PersonalAccessTokensTest {

	@Autowired
	PersonalAccessTokens tokens;

	@Autowired
	ApiTokenStore store;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reauthentication reauthentication;

	MockHttpServletRequest request = new MockHttpServletRequest();

	/** The service runs within a request whose session re-authenticated just now, unless a test says otherwise. */
	@BeforeEach
	void recentPassword() {
		reauthentication.markNow(request.getSession());
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void creatingATokenNeedsARecentPassword() {
		long userId = newUser();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "token");
		assertThatThrownBy(() -> tokens.issue(userId, "t", List.of("user:read"), null, null, errors))
			.isInstanceOf(ReauthenticationRequiredException.class).hasMessageContaining("password");
		assertThat(tokens.list(userId)).isEmpty();
	}

	@Test
	void tokensLiveAtMostTheMaximumLifetime() {
		long userId = newUser();
		Instant expiry = issue(userId, "user:read").token().expiresAt();
		assertThat(expiry).isBetween(Instant.now().plus(Duration.ofDays(364)), Instant.now().plus(Duration.ofDays(366)));
		for (Instant tooLate : List.of(Instant.now().plus(Duration.ofDays(366)), Instant.parse("+999999999-12-31T00:00:00Z"))) {
			MapBindingResult errors = new MapBindingResult(new HashMap<>(), "token");
			assertThat(tokens.issue(userId, "t", List.of("user:read"), tooLate, null, errors)).isEmpty();
			assertThat(errors.getFieldError("expiresAt").getCode()).isEqualTo("token.expiry.too-late");
		}
		assertThat(tokens.list(userId)).hasSize(1);
	}

	@Test
	void namesAreVisibleTextOfBoundedLength() {
		long userId = newUser();
		for (String bad : List.of("", "   ", "a\u0000b", "tab\tname", "new\nline", "rtl\u202Eevil", "zero\u200Bwidth",
				"x".repeat(101), "\uD800")) {
			MapBindingResult errors = new MapBindingResult(new HashMap<>(), "token");
			assertThat(tokens.issue(userId, bad, List.of("user:read"), null, null, errors)).as(bad).isEmpty();
			assertThat(errors.getFieldError("name")).as(bad).isNotNull();
		}
		assertThat(tokens.list(userId)).isEmpty();
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "token");
		assertThat(tokens.issue(userId, "  Laptop – café ✓ " + "x".repeat(80) + " ", List.of("user:read"), null, null,
				errors)).isPresent();
	}

	@Test
	void onlyTheHashIsStoredAndTheTokenAuthenticates() {
		long userId = newUser();
		PersonalAccessTokens.Issued issued = issue(userId, "user:read", "user:write");
		assertThat(issued.secret()).matches("gat_[A-Za-z0-9_-]{43}");
		assertThat(issued.token().prefix()).isEqualTo(issued.secret().substring(0, 12));
		String stored = jdbc.sql("select token_hash from gh_api_token where id = ?").param(issued.token().id())
			.query(String.class).single();
		assertThat(stored).hasSize(64).isEqualTo(PersonalAccessTokens.hash(issued.secret()))
			.doesNotContain(issued.secret().substring(4, 20));

		ApiTokenAuthentication authentication = tokens.authenticate(issued.secret()).orElseThrow();
		assertThat(authentication.getPrincipal().id()).isEqualTo(userId);
		assertThat(authentication.getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("SCOPE_user:read", "SCOPE_user:write");
		assertThat(tokens.authenticate(issued.secret() + "x")).isEmpty();
	}

	@Test
	void lastUseIsWrittenAtMostOncePerInterval() {
		long userId = newUser();
		long id = issue(userId, "user:read").token().id();
		Instant now = Instant.parse("2030-01-01T00:00:00Z");
		store.touch(id, now, Duration.ofMinutes(1));
		store.touch(id, now.plusSeconds(30), Duration.ofMinutes(1));
		assertThat(store.findById(id).orElseThrow().lastUsedAt()).isEqualTo(now);
		store.touch(id, now.plusSeconds(61), Duration.ofMinutes(1));
		assertThat(store.findById(id).orElseThrow().lastUsedAt()).isEqualTo(now.plusSeconds(61));
	}

	/** Tokens created before the maximum lifetime existed have no expiry: the lifetime still ends them. */
	@Test
	void aTokenWithoutExpiryOlderThanTheMaximumLifetimeNoLongerAuthenticates() {
		long userId = newUser();
		PersonalAccessTokens.Issued young = issue(userId, "user:read");
		PersonalAccessTokens.Issued old = issue(userId, "user:read");
		jdbc.sql("update gh_api_token set expires_at = null, created_at = ? where id in (?, ?)")
			.params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(364))), young.token().id(), old.token().id())
			.update();
		jdbc.sql("update gh_api_token set created_at = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(366))), old.token().id()).update();
		assertThat(tokens.authenticate(young.secret())).isPresent();
		assertThat(tokens.authenticate(old.secret())).isEmpty();
	}

	@Test
	void revocationIsPerOwner() {
		long alice = newUser();
		long bob = newUser();
		long token = issue(alice, "user:read").token().id();
		assertThat(tokens.revoke(bob, token)).isFalse();
		assertThat(tokens.list(alice)).hasSize(1);
		assertThat(tokens.revoke(alice, token)).isTrue();
		assertThat(tokens.list(alice)).isEmpty();
	}

	@Test
	void adminScopeNeedsTheAdminRole() {
		long userId = newUser();
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "token");
		assertThat(tokens.issue(userId, "a", List.of("admin"), null, null, errors)).isEmpty();
		users.addRole(userId, "admin");
		PersonalAccessTokens.Issued admin = issue(userId, "admin");
		assertThat(tokens.authenticate(admin.secret()).orElseThrow().getAuthorities()).extracting(Object::toString)
			.contains("SCOPE_admin", "ROLE_admin");
		// without the admin scope the role is not carried
		assertThat(tokens.authenticate(issue(userId, "user:read").secret()).orElseThrow().getAuthorities())
			.extracting(Object::toString).doesNotContain("ROLE_admin");
	}

	private PersonalAccessTokens.Issued issue(long userId, String... scopes) {
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "token");
		return tokens.issue(userId, "test", List.of(scopes), null, null, errors)
			.orElseThrow(() -> new AssertionError(errors.toString()));
	}

	private long newUser() {
		return users.create("t" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", null,
				passwords.hashNew("plum-orbit-lantern-42"), true);
	}
}
