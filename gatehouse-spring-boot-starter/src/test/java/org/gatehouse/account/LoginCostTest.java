package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
import org.springframework.security.core.Authentication;

/**
 * Issue 23 item 1: every path through a password check costs exactly one key derivation at the
 * default scheme's configured cost (never zero, never two), whatever the account and the input.
 * The schemes count their own derivations; the user store is a stub.
 */
class LoginCostTest {

	private static final int ROUNDS = 1000;
	private static final String PASSWORD = "plum-orbit-lantern-42";
	/** NFKC turns the ligature into "fi": typed one way, stored the other. */
	private static final String LIGATURE_PASSWORD = "\uFB01nal-orbit-lantern-42";
	private static final String LEGACY_SALT = "flask-security-salt";

	private final AtomicInteger atDefaultCost = new AtomicInteger();
	private final AtomicInteger legacy = new AtomicInteger();
	private final PasswordContext context = PasswordContext.builder()
		.rounds(Map.of("pbkdf2_sha512", ROUNDS, "bcrypt", 4))
		.deprecatedSchemes(List.of("pbkdf2_sha1"))
		.legacyHmacSalt(LEGACY_SALT)
		.scheme(new CountingScheme(Pbkdf2Scheme.sha512(ROUNDS), true, atDefaultCost, legacy))
		.scheme(new CountingScheme(new BcryptScheme(4), false, atDefaultCost, legacy))
		.scheme(new CountingScheme(Pbkdf2Scheme.sha1(2000), false, atDefaultCost, legacy))
		.build();
	private final GatehouseProperties properties = new GatehouseProperties();
	private final PasswordsProperties passwordsProperties = new PasswordsProperties();
	private final PasswordService passwords = new PasswordService(context, new PasswordPolicy(12, 4096), passwordsProperties);
	private final UserStore users = mock(UserStore.class);
	private final AtomicReference<String> storedUpgrade = new AtomicReference<>();
	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
	private final LoginThrottle throttle = new LoginThrottle(new MemoryAttemptCounters(clock, 10_000), properties,
			new RecaptchaVerifier(properties), new ThrottleEvents(new SimpleMeterRegistry()), clock);
	private final AccountPasswordCheck check = new AccountPasswordCheck(users, passwords, throttle,
			new LegacyHashSample(context, new byte[32]));
	private final AccountAuthenticationProvider provider = new AccountAuthenticationProvider(users, check,
			properties);
	private long nextId = 1;

	LoginCostTest() {
		when(users.replacePasswordHashIfUnchanged(anyLong(), anyString(), anyString())).thenAnswer(call -> {
			storedUpgrade.set(call.getArgument(2));
			return true;
		});
	}

	private User user(String login, String hash, boolean active, boolean confirmed) {
		User user = new User(nextId++, login, null, hash, active, confirmed ? Instant.EPOCH : null, Instant.EPOCH,
				null, null, null, null, 0, "stamp", Set.of());
		when(users.findByLogin(eq(login))).thenReturn(Optional.of(user));
		return user;
	}

	private String hashAtCost(String scheme, int rounds, String password) {
		return PasswordContext.builder().defaultScheme(scheme).rounds(Map.of(scheme, rounds)).build().hash(password);
	}

	/** Runs one login and returns what it cost; the reset happens after the set-up's own hashing. */
	private Cost login(String login, String password) {
		atDefaultCost.set(0);
		legacy.set(0);
		Object outcome;
		try {
			Authentication result = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login,
					password));
			outcome = result.isAuthenticated() ? "authenticated" : result;
		}
		catch (RuntimeException ex) {
			outcome = ex.getClass();
		}
		return new Cost(atDefaultCost.get(), legacy.get(), outcome);
	}

	private record Cost(int atDefaultCost, int legacy, Object outcome) {
	}

	@Test
	void knownAccountRightAndWrongPasswordCostOne() {
		user("known@example.org", passwords.hashNew(PASSWORD), true, true);
		assertThat(login("known@example.org", PASSWORD)).isEqualTo(new Cost(1, 0, "authenticated"));
		assertThat(login("known@example.org", "wrong-" + PASSWORD))
			.isEqualTo(new Cost(1, 0, BadCredentialsException.class));
	}

	@Test
	void unknownAccountAndAccountWithoutPasswordCostOne() {
		assertThat(login("nobody@example.org", PASSWORD)).isEqualTo(new Cost(1, 0, BadCredentialsException.class));
		user("invited@example.org", null, true, false);
		assertThat(login("invited@example.org", PASSWORD)).isEqualTo(new Cost(1, 0, BadCredentialsException.class));
	}

	@Test
	void bannedUnconfirmedAndLockedAccountsCostOne() {
		user("banned@example.org", passwords.hashNew(PASSWORD), false, true);
		assertThat(login("banned@example.org", PASSWORD)).isEqualTo(new Cost(1, 0, BadCredentialsException.class));

		properties.getFeatures().setConfirmable(true);
		properties.getFeatures().setLoginWithoutConfirmation(false);
		user("unconfirmed@example.org", passwords.hashNew(PASSWORD), true, false);
		assertThat(login("unconfirmed@example.org", PASSWORD))
			.isEqualTo(new Cost(1, 0, UnconfirmedAccountException.class));

		user("locked@example.org", passwords.hashNew(PASSWORD), true, true);
		for (int i = 0; i < properties.getThrottle().getAccountMaxFailures(); i++) {
			login("locked@example.org", "wrong-" + i);
		}
		assertThat(login("locked@example.org", PASSWORD)).isEqualTo(new Cost(1, 0, LoginThrottledException.class));
		assertThat(login("LOCKED@example.org ", "wrong")).isEqualTo(new Cost(1, 0, LoginThrottledException.class));
	}

	@Test
	void overLongPasswordCostsOneForKnownAndUnknownAccounts() {
		String overLong = "x".repeat(passwordsProperties.getMaxLength() + 1);
		user("long@example.org", passwords.hashNew(PASSWORD), true, true);
		assertThat(login("long@example.org", overLong)).isEqualTo(new Cost(1, 0, BadCredentialsException.class));
		assertThat(login("nobody-long@example.org", overLong))
			.isEqualTo(new Cost(1, 0, BadCredentialsException.class));
		String expandsBeyondTheLimit = "\uFDFA".repeat(400); // 1,200 bytes typed, 7,200 once normalised
		assertThat(login("long@example.org", expandsBeyondTheLimit))
			.isEqualTo(new Cost(1, 0, BadCredentialsException.class));
	}

	@Test
	void passwordThatNfkcChangesCostsOneRightOrWrong() {
		user("ligature@example.org", passwords.hashNew(LIGATURE_PASSWORD), true, true);
		assertThat(login("ligature@example.org", LIGATURE_PASSWORD)).isEqualTo(new Cost(1, 0, "authenticated"));
		assertThat(login("ligature@example.org", "\uFB01nal-wrong")).isEqualTo(
				new Cost(1, 0, BadCredentialsException.class));
		assertThat(login("nobody-ligature@example.org", "\uFB01nal-wrong"))
			.isEqualTo(new Cost(1, 0, BadCredentialsException.class));
	}

	@Test
	void ownHashesNeverPayTheLegacyPreHash() {
		user("own@example.org", passwords.hashNew(PASSWORD), true, true);
		assertThat(login("own@example.org", "wrong-" + PASSWORD))
			.isEqualTo(new Cost(1, 0, BadCredentialsException.class));
	}

	@Test
	void legacySchemeCostsItsOwnVerificationPlusOneAtTheDefaultCost() {
		user("bcrypt@example.org", hashAtCost("bcrypt", 4, PASSWORD), true, true);
		assertThat(login("bcrypt@example.org", PASSWORD)).extracting(Cost::atDefaultCost, Cost::outcome)
			.containsExactly(1, "authenticated");
		assertThat(login("bcrypt@example.org", "wrong-" + PASSWORD)).extracting(Cost::atDefaultCost, Cost::outcome)
			.containsExactly(1, BadCredentialsException.class);
	}

	@Test
	void hashNeedingAnUpgradeSpendsTheOneDefaultCostOnTheUpgradeOrOnADummy() {
		User deprecated = user("sha1@example.org", hashAtCost("pbkdf2_sha1", 2000, PASSWORD), true, true);
		assertThat(login("sha1@example.org", "wrong-" + PASSWORD)).extracting(Cost::atDefaultCost, Cost::outcome)
			.containsExactly(1, BadCredentialsException.class);
		assertThat(login("sha1@example.org", PASSWORD)).extracting(Cost::atDefaultCost, Cost::outcome)
			.containsExactly(1, "authenticated");
		assertThat(context.isCurrent(storedUpgrade.get())).isTrue();
		assertThat(deprecated.passwordHash()).startsWith("$pbkdf2$");

		user("weak@example.org", hashAtCost("pbkdf2_sha512", ROUNDS / 2, PASSWORD), true, true);
		assertThat(login("weak@example.org", "wrong-" + PASSWORD)).extracting(Cost::atDefaultCost, Cost::outcome)
			.containsExactly(1, BadCredentialsException.class);
		assertThat(login("weak@example.org", PASSWORD)).extracting(Cost::atDefaultCost, Cost::outcome)
			.containsExactly(1, "authenticated");
		assertThat(storedUpgrade.get()).startsWith("$pbkdf2-sha512$" + ROUNDS + "$");
	}

	@Test
	void preHashedFlaskSecurityHashIsUpgradedAtTheOneDefaultCost() throws Exception {
		String preHashed = PasswordContext.builder().rounds(Map.of("pbkdf2_sha512", ROUNDS / 2)).build()
			.hash(flaskSecurityPreHash(PASSWORD));
		user("flask@example.org", preHashed, true, true);
		assertThat(login("flask@example.org", PASSWORD)).extracting(Cost::atDefaultCost, Cost::outcome)
			.containsExactly(1, "authenticated");
		assertThat(passwords.verify(PASSWORD, storedUpgrade.get()).matches()).isTrue();
	}

	/** Flask-Security's get_hmac: base64(HMAC-SHA512(salt, password)). */
	private static String flaskSecurityPreHash(String password) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA512");
		mac.init(new SecretKeySpec(LEGACY_SALT.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
		return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void passwordChecksOfSignedInUsersCostOneToo() {
		User user = user("confirm@example.org", passwords.hashNew(PASSWORD), true, true);
		atDefaultCost.set(0);
		assertThat(check.confirm(user, "wrong", "192.0.2.1")).isEqualTo(AccountPasswordCheck.Outcome.WRONG);
		assertThat(check.confirm(user, PASSWORD, "192.0.2.1")).isEqualTo(AccountPasswordCheck.Outcome.MATCH);
		assertThat(atDefaultCost.get()).isEqualTo(2);
	}

	@Test
	void malformedLoginIsRefusedBeforeLookupForEveryone() {
		user("ctrl@example.org", passwords.hashNew(PASSWORD), true, true);
		assertThat(login("\u0001ctrl@example.org", PASSWORD)).isEqualTo(new Cost(0, 0, MalformedLoginException.class));
		assertThat(login("\u0001nobody@example.org", PASSWORD))
			.isEqualTo(new Cost(0, 0, MalformedLoginException.class));
		assertThatThrownBy(() -> provider.authenticate(
				UsernamePasswordAuthenticationToken.unauthenticated("a\u007Fb", PASSWORD)))
			.isInstanceOf(MalformedLoginException.class);
	}
}
