package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import org.gatehouse.throttle.LoginThrottle;
import org.gatehouse.password.AccountPasswordCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Issue 23 item 2: the login is normalised once. Whatever spelling of an account's email address
 * or username finds it (case, surrounding white space of any kind), the throttle counts it under
 * the same key; a spelling with a control character finds nothing. Real lookups, on H2.
 */
class LoginNormalFormProperties {

	private static final List<String> ACCOUNTS = List.of("Erin.Example@Example.org", "kate@example.org");
	private static final List<String> USERNAMES = List.of("Erin_X", "kate");

	private static UserStore users;

	@BeforeContainer
	static void database() {
		SimpleDriverDataSource data = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:login-names-"
				+ UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(data).locations("classpath:db/gatehouse/migration").load().migrate();
		users = new UserStore(JdbcClient.create(data), Clock.systemUTC());
		for (int i = 0; i < ACCOUNTS.size(); i++) {
			users.create(ACCOUNTS.get(i), USERNAMES.get(i), "$pbkdf2-sha512$1000$c2FsdA$AAAA", true);
		}
	}

	/** The account counters a login attempt with this spelling uses. */
	private static String throttleKey(Optional<User> found, String typed) {
		return LoginThrottle.accountKey(AccountPasswordCheck.throttleLogin(found, typed));
	}

	@Property(tries = 2000)
	void spellingsThatFindTheSameAccountShareItsThrottleKey(@ForAll("twoSpellings") List<String> spellings) {
		String a = spellings.get(0);
		String b = spellings.get(1);
		Optional<User> foundA = users.findByLogin(a);
		Optional<User> foundB = users.findByLogin(b);
		boolean sameAccount = foundA.isPresent() && foundB.isPresent() && foundA.get().id() == foundB.get().id();
		boolean bothUnknown = foundA.isEmpty() && foundB.isEmpty();
		Statistics.collect(sameAccount ? "same account" : bothUnknown ? "no account" : "different");
		Statistics.coverage(coverage -> coverage.check("same account").percentage(p -> p > 10));
		if (sameAccount || bothUnknown && LoginNames.normalise(a).equals(LoginNames.normalise(b))) {
			assertThat(throttleKey(foundA, a)).as("%s / %s", a, b).isEqualTo(throttleKey(foundB, b));
		}
	}

	@Property(tries = 1000)
	void aLoginWithAControlCharacterFindsNothing(@ForAll("spellings") String login) {
		Assume.that(LoginNames.isMalformed(login));
		assertThat(users.findByLogin(login)).isEmpty();
	}

	/** Two spellings of one account's email address, of its username, of one and the other, or of an unknown login. */
	@Provide
	Arbitrary<List<String>> twoSpellings() {
		return Arbitraries.integers().between(0, ACCOUNTS.size()).flatMap(account -> {
			List<String> names = account < ACCOUNTS.size()
					? List.of(ACCOUNTS.get(account), USERNAMES.get(account)) : List.of("nobody@example.org", "Nobody");
			return spelling(Arbitraries.of(names)).list().ofSize(2);
		});
	}

	@Provide
	Arbitrary<String> spellings() {
		return spelling(Arbitraries.of("Erin.Example@Example.org", "Erin_X", "kate", "nobody@example.org"));
	}

	private static Arbitrary<String> spelling(Arbitrary<String> base) {
		Arbitrary<String> padding = Arbitraries.frequencyOf(
				Tuple.of(6, Arbitraries.of("", " ", "  ", "\u2003", "\u3000", "\u2028")),
				Tuple.of(1, Arbitraries.of("\t", "\n", "\u0001", "\u001f", "\u007f", "\u0085", "\u0000", "\u00a0",
						"\u200b"))).list().ofMaxSize(2)
			.map(parts -> String.join("", parts));
		Arbitrary<String> inside = Arbitraries.of("", "", "", "", "", "", "\u0001", "\u0000", "\u2003", " ");
		return Combinators.combine(base, Arbitraries.longs(), padding, padding, inside, Arbitraries.integers().between(0, 40))
			.as((login, caseMask, before, after, insert, at) -> {
				StringBuilder spelled = new StringBuilder();
				for (int i = 0; i < login.length(); i++) {
					char c = login.charAt(i);
					spelled.append(((caseMask >> (i % 64)) & 1) == 1 ? Character.toUpperCase(c) : c);
				}
				spelled.insert(Math.min(at, spelled.length()), insert);
				return before + spelled + after;
			});
	}
}
