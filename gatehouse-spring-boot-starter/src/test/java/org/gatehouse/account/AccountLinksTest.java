package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.testapp.MutableClock;
import org.gatehouse.crypto.SecretKeys;
import org.gatehouse.crypto.Signers;
import org.gatehouse.http.AllowedHosts;
import org.gatehouse.http.ExternalUrls;
import org.gatehouse.http.HttpProperties;
import org.gatehouse.mail.MailProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Link expiry and single use, on a clock the test moves. */
class AccountLinksTest {

	static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

	/** Just enough of a user store: users by id, no database. */
	static final class FakeUsers extends JdbcUserStore {

		final Map<Long, User> byId = new HashMap<>();

		FakeUsers() {
			super(null, Clock.systemUTC());
		}

		@Override
		public Optional<User> findById(long id) {
			return Optional.ofNullable(byId.get(id));
		}
	}

	final MutableClock clock = new MutableClock(START);
	final GatehouseProperties properties = new GatehouseProperties();
	final TokensProperties tokens = new TokensProperties();
	final FakeUsers users = new FakeUsers();
	final AccountLinks links;

	AccountLinksTest() {
		properties.setSecretKey("unit-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz");
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("clock", clock));
		Signers signers = new Signers(new SecretKeys(properties), beans.getBeanProvider(Clock.class));
		links = new AccountLinks(signers, tokens, new ExternalUrls(properties, new HttpProperties(),
				new MailProperties(), new AllowedHosts(new HttpProperties())), clock);
	}

	static User user(long id, String email, String stamp, boolean active, Instant confirmedAt) {
		return new User(id, email, null, "$hash", active, confirmedAt, START, null, null, null, null, 0, stamp,
				Set.of());
	}

	@Test
	void resetLinkExpiresAfterItsValidity() {
		User user = user(7, "ann@example.org", "stamp-1", true, START);
		users.byId.put(7L, user);
		String token = links.resetToken(user);
		assertThat(links.resetUser(token, users)).map(User::id).contains(7L);

		clock.advance(tokens.getResetValidity().minusSeconds(1));
		assertThat(links.resetUser(token, users)).as("just before expiry").isPresent();
		clock.advance(Duration.ofSeconds(1));
		assertThat(links.resetUser(token, users)).as("at expiry").isEmpty();
		clock.advance(Duration.ofDays(1));
		assertThat(links.resetUser(token, users)).isEmpty();
	}

	@Test
	void resetLinkDiesWithTheSecurityStampAndTheAccount() {
		User user = user(8, "bob@example.org", "stamp-1", true, START);
		users.byId.put(8L, user);
		String token = links.resetToken(user);
		users.byId.put(8L, user(8, "bob@example.org", "stamp-2", true, START));
		assertThat(links.resetUser(token, users)).isEmpty();

		String fresh = links.resetToken(users.byId.get(8L));
		users.byId.put(8L, user(8, "bob@example.org", "stamp-2", false, START));
		assertThat(links.resetUser(fresh, users)).isEmpty();
	}

	@Test
	void tamperedOrForeignTokensAreRefused() {
		User user = user(9, "cy@example.org", "stamp-1", true, START);
		users.byId.put(9L, user);
		users.byId.put(10L, user(10, "dee@example.org", "stamp-1", true, START));
		String token = links.resetToken(user);
		assertThat(links.resetUser(token.replaceFirst("^9:", "10:"), users)).isEmpty();
		assertThat(links.resetUser(token + "x", users)).isEmpty();
		assertThat(links.resetUser("garbage", users)).isEmpty();
		assertThat(links.confirmationUser(token, users)).as("a reset token is no confirmation token").isEmpty();
	}

	@Test
	void confirmationLinkExpiresAndFollowsTheAddress() {
		User user = user(11, "eve@example.org", "stamp-1", true, null);
		users.byId.put(11L, user);
		String token = links.confirmationToken(user);
		assertThat(links.confirmationUser(token, users)).contains(11L);
		assertThat(links.resetUser(token, users)).as("a confirmation token is no reset token").isEmpty();

		users.byId.put(11L, user(11, "other@example.org", "stamp-1", true, null));
		assertThat(links.confirmationUser(token, users)).as("address changed").isEmpty();
		users.byId.put(11L, user);

		clock.advance(tokens.getConfirmationValidity());
		assertThat(links.confirmationUser(token, users)).isEmpty();
	}
}
