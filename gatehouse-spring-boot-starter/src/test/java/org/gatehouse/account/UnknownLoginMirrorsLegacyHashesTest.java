package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.passwords.BcryptScheme;
import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.passwords.PasswordPolicy;
import org.gatehouse.passwords.Pbkdf2Scheme;
import org.gatehouse.testapp.MutableClock;
import org.gatehouse.throttle.LoginThrottle;
import org.gatehouse.throttle.MemoryAttemptCounters;
import org.gatehouse.throttle.ThrottleEvents;
import org.gatehouse.password.AccountPasswordCheck;
import org.gatehouse.password.LegacyHashSample;
import org.gatehouse.password.PasswordService;
import org.gatehouse.password.PasswordsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Issue 23 item 1, last gap: an account whose hash is still in a legacy scheme costs that scheme's
 * verification on top of the one default-cost derivation. A login that finds no password mirrors
 * the population: it pays the verification of a sampled legacy hash with the share of accounts that
 * have one, chosen by a keyed HMAC of its normal form (fixed per login). The schemes count their
 * own work; the key is fixed, so every pick below is deterministic.
 */
class UnknownLoginMirrorsLegacyHashesTest {

	private static final int ROUNDS = 1000;
	private static final String PASSWORD = "plum-orbit-lantern-42";
	private static final String LIGATURE_PASSWORD = "\uFB01nal-orbit-lantern-42";
	private static final byte[] KEY = "a fixed test key for the sample, 32b".getBytes();

	private final AtomicInteger atDefaultCost = new AtomicInteger();
	private final AtomicInteger bcrypt = new AtomicInteger();
	private final AtomicInteger other = new AtomicInteger();
	private final PasswordContext context = PasswordContext.builder()
		.rounds(Map.of("pbkdf2_sha512", ROUNDS, "bcrypt", 4))
		.deprecatedSchemes(List.of("auto"))
		.legacyHmacSalt("flask-security-salt")
		.scheme(new CountingScheme(Pbkdf2Scheme.sha512(ROUNDS), true, atDefaultCost, other))
		.scheme(new CountingScheme(new BcryptScheme(4), false, other, bcrypt))
		.build();
	private final PasswordContext bcryptWriter = PasswordContext.builder().defaultScheme("bcrypt")
		.rounds(Map.of("bcrypt", 4)).build();
	private final GatehouseProperties properties = new GatehouseProperties();
	private final PasswordsProperties passwordsProperties = new PasswordsProperties();
	private final PasswordService passwords = new PasswordService(context, new PasswordPolicy(12, 4096), passwordsProperties);
	private final UserStore users = mock(UserStore.class);
	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
	private final LoginThrottle throttle = new LoginThrottle(new MemoryAttemptCounters(clock, 10_000), properties,
			new RecaptchaVerifier(properties), new ThrottleEvents(new SimpleMeterRegistry()), clock);
	private final LegacyHashSample sample = new LegacyHashSample(context, KEY);
	private final AccountAuthenticationProvider provider = new AccountAuthenticationProvider(users,
			new AccountPasswordCheck(users, passwords, throttle, sample), properties);
	private long nextId = 1;

	private void user(String login, String hash) {
		User user = new User(nextId++, login, null, hash, true, Instant.EPOCH, Instant.EPOCH, null, null, null, null,
				0, "stamp", Set.of());
		when(users.findByLogin(eq(login))).thenReturn(Optional.of(user));
	}

	/** A population of {@code current} accounts with Gatehouse's own hash and {@code legacy} bcrypt-4 ones. */
	private List<String> population(int current, int legacy) {
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < current; i++) {
			hashes.add(context.hash("current-" + i));
		}
		for (int i = 0; i < legacy; i++) {
			hashes.add(bcryptWriter.hash("legacy-" + i));
		}
		return hashes;
	}

	private void refresh(List<String> hashes) {
		sample.refresh(hashes::forEach);
	}

	private Cost login(String login, String password) {
		atDefaultCost.set(0);
		bcrypt.set(0);
		other.set(0);
		Object outcome;
		try {
			provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login, password));
			outcome = "authenticated";
		}
		catch (RuntimeException ex) {
			outcome = ex.getClass();
		}
		return new Cost(atDefaultCost.get(), bcrypt.get(), other.get(), outcome);
	}

	private record Cost(int atDefaultCost, int bcrypt, int other, Object outcome) {
	}

	/** The first of probe-0@example.org, probe-1@… whose pick is (or is not) a legacy hash. */
	private String probe(boolean legacy) {
		for (int i = 0;; i++) {
			String login = "probe-" + i + "@example.org";
			if ((sample.pick(login) != null) == legacy) {
				return login;
			}
		}
	}

	@Test
	void anUnknownLoginThatPicksALegacyShapeCostsWhatAWrongPasswordOfSuchAnAccountCosts() {
		refresh(population(7, 3));
		user("bcrypt@example.org", bcryptWriter.hash(PASSWORD));
		Cost knownWrong = login("bcrypt@example.org", "wrong-" + PASSWORD);
		// bcrypt as typed, then with Flask-Security's pre-hash; then the one dummy at the default cost
		assertThat(knownWrong).isEqualTo(new Cost(1, 2, 0, BadCredentialsException.class));

		String legacyLooking = probe(true);
		for (int i = 0; i < 5; i++) {
			assertThat(login(legacyLooking, PASSWORD)).isEqualTo(knownWrong);
		}
		assertThat(login(" " + legacyLooking.toUpperCase() + " ", "other")).isEqualTo(knownWrong);
		assertThat(login(probe(false), PASSWORD)).isEqualTo(new Cost(1, 0, 0, BadCredentialsException.class));

		// an account without a password mirrors by its own key, like an unknown login
		user(legacyLooking, null);
		assertThat(login(legacyLooking, PASSWORD)).isEqualTo(knownWrong);
	}

	@Test
	void aPasswordThatNfkcChangesPaysTheLegacyVerificationTwiceOnBothSides() {
		refresh(population(7, 3));
		user("bcrypt@example.org", bcryptWriter.hash(PASSWORD));
		Cost knownWrong = login("bcrypt@example.org", LIGATURE_PASSWORD);
		assertThat(knownWrong).isEqualTo(new Cost(1, 4, 0, BadCredentialsException.class));
		assertThat(login(probe(true), LIGATURE_PASSWORD)).isEqualTo(knownWrong);
	}

	@Test
	void overLongPasswordsAndLockedLoginsPayNoLegacyVerificationOnEitherSide() {
		refresh(population(7, 3));
		user("bcrypt@example.org", bcryptWriter.hash(PASSWORD));
		String legacyLooking = probe(true);
		String overLong = "x".repeat(passwordsProperties.getMaxLength() + 1);
		Cost dummyOnly = new Cost(1, 0, 0, BadCredentialsException.class);
		assertThat(login("bcrypt@example.org", overLong)).isEqualTo(dummyOnly);
		assertThat(login(legacyLooking, overLong)).isEqualTo(dummyOnly);

		for (int i = 0; i < properties.getThrottle().getAccountMaxFailures(); i++) {
			login("bcrypt@example.org", "wrong-" + i);
			login(legacyLooking, "wrong-" + i);
		}
		Cost locked = new Cost(1, 0, 0, LoginThrottledException.class);
		assertThat(login("bcrypt@example.org", PASSWORD)).isEqualTo(locked);
		assertThat(login(legacyLooking, PASSWORD)).isEqualTo(locked);
	}

	@Test
	void theShareOfUnknownLoginsThatPayTheLegacyVerificationIsTheShareOfLegacyAccounts() {
		properties.getThrottle().setEnabled(false);
		refresh(population(7, 3));
		int logins = 2000;
		int legacyLooking = 0;
		for (int i = 0; i < logins; i++) {
			Cost cost = login("someone-" + i + "@example.net", PASSWORD);
			assertThat(cost.atDefaultCost()).isOne();
			assertThat(cost.bcrypt()).isIn(0, 2);
			legacyLooking += cost.bcrypt() == 2 ? 1 : 0;
		}
		// 30 % of the accounts are bcrypt; the key is fixed, so this share is the same on every run
		assertThat((double) legacyLooking / logins).isBetween(0.27, 0.33);
	}

	@Test
	void withoutLegacyAccountsOrBeforeTheFirstSnapshotNothingChanges() {
		properties.getThrottle().setEnabled(false);
		List<String> legacyPopulation = population(7, 3);
		for (int i = 0; i < 200; i++) {
			assertThat(login("before-" + i + "@example.net", PASSWORD))
				.isEqualTo(new Cost(1, 0, 0, BadCredentialsException.class));
		}
		refresh(population(10, 0));
		for (int i = 0; i < 500; i++) {
			assertThat(login("someone-" + i + "@example.net", PASSWORD))
				.isEqualTo(new Cost(1, 0, 0, BadCredentialsException.class));
		}
		assertThat(sample.shapes()).isEmpty();
		refresh(legacyPopulation);
		assertThat(sample.shapes()).containsExactly(Map.entry("bcrypt $2b$04", 3L));
	}

	@Test
	void everyLegacyShapeIsPickedWithItsOwnShareAndItsOwnSampleHash() {
		List<String> hashes = population(5, 0);
		hashes.add(bcryptWriter.hash("a"));
		hashes.add(bcryptWriter.hash("b"));
		String cost5 = PasswordContext.builder().defaultScheme("bcrypt").rounds(Map.of("bcrypt", 5)).build().hash("c");
		hashes.add(cost5);
		hashes.add("$argon2-not-enabled$whatever");
		hashes.add("plain text, in no scheme");
		refresh(hashes);
		assertThat(sample.shapes()).containsExactly(Map.entry("bcrypt $2b$04", 2L), Map.entry("bcrypt $2b$05", 1L));
		int[] picks = new int[3];
		for (int i = 0; i < 10_000; i++) {
			String picked = sample.pick("someone-" + i);
			picks[picked == null ? 0 : picked.equals(cost5) ? 2 : 1]++;
			assertThat(sample.pick("SOMEONE-" + i + " ")).isEqualTo(picked);
		}
		// 2 of 10 accounts bcrypt-4, 1 of 10 bcrypt-5 (the last two hashes count as accounts with no legacy cost)
		assertThat(picks[1] / 10_000.0).isBetween(0.18, 0.22);
		assertThat(picks[2] / 10_000.0).isBetween(0.08, 0.12);
	}
}
