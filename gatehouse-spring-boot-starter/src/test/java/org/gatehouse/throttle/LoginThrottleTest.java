package org.gatehouse.throttle;

import org.gatehouse.testapp.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.gatehouse.account.RecaptchaVerifier;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.throttle.LoginThrottle.Verdict;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

	private static final String IP = "198.51.100.1";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
	private final GatehouseProperties properties = new GatehouseProperties();
	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
	private boolean recaptchaEnabled;
	private boolean recaptchaSolved;
	private final LoginThrottle throttle = new LoginThrottle(new MemoryAttemptCounters(clock, 10_000), properties,
			new RecaptchaVerifier(properties) {
				@Override
				public boolean enabled() {
					return recaptchaEnabled;
				}

				@Override
				public boolean verify(String token, String remoteIp) {
					return recaptchaSolved;
				}
			}, new ThrottleEvents(meters), clock);

	private void fail(String login, int times) {
		fail(login, IP, times);
	}

	private void fail(String login, String ip, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(throttle.admit(login, ip)).as("attempt %d of %s", i + 1, login).isTrue();
			throttle.failed(login, ip);
		}
	}

	private Duration lockLength(String login) {
		Duration locked = Duration.ZERO;
		while (throttle.verdict(login, IP) == Verdict.LOCKED) {
			clock.advance(Duration.ofSeconds(1));
			locked = locked.plusSeconds(1);
		}
		return locked;
	}

	@Test
	void locksTheAccountAfterTenConsecutiveFailuresForOneMinute() {
		fail("alice@example.org", 9);
		assertThat(throttle.verdict("alice@example.org", IP)).isEqualTo(Verdict.OPEN);
		fail("alice@example.org", 1);
		assertThat(throttle.verdict("alice@example.org", IP)).isEqualTo(Verdict.LOCKED);
		assertThat(throttle.verdict(" ALICE@example.org ", "203.0.113.9")).as("any spelling, any address")
			.isEqualTo(Verdict.LOCKED);
		assertThat(throttle.verdict("bob@example.org", IP)).isEqualTo(Verdict.OPEN);
		assertThat(lockLength("alice@example.org")).isEqualTo(Duration.ofMinutes(1));
		assertThat(meters.counter("gatehouse.throttle.locks", "kind", "account").count()).isEqualTo(1);
	}

	@Test
	void eachFurtherLockDoublesUpToOneHour() {
		for (long minutes : new long[] { 1, 2, 4, 8, 16, 32, 60, 60 }) {
			fail("carol", 10);
			assertThat(lockLength("carol")).isEqualTo(Duration.ofMinutes(minutes));
		}
		assertThat(throttle.lockDuration(Long.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void rejectedAttemptsDoNotCountAndAreMeasured() {
		fail("dave", 10);
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.admit("dave", IP)).isFalse();
		}
		assertThat(meters.counter("gatehouse.throttle.rejections", "kind", "login").count()).isEqualTo(5);
		assertThat(lockLength("dave")).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void successForgetsFailuresAndLockLevel() {
		fail("erin", 9);
		throttle.succeeded("erin");
		fail("erin", 9);
		assertThat(throttle.verdict("erin", IP)).isEqualTo(Verdict.OPEN);
		fail("erin", 1);
		assertThat(lockLength("erin")).isEqualTo(Duration.ofMinutes(1));
		fail("erin", 10);
		assertThat(lockLength("erin")).isEqualTo(Duration.ofMinutes(2));
		throttle.succeeded("erin");
		fail("erin", 10);
		assertThat(lockLength("erin")).as("level reset by the success").isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void failuresOutsideTheHourAreForgotten() {
		fail("frank", 9);
		clock.advance(Duration.ofHours(1));
		fail("frank", 9);
		assertThat(throttle.verdict("frank", IP)).isEqualTo(Verdict.OPEN);
	}

	@Test
	void neverMoreThanTheHourlyMaximumOfFailures() {
		properties.getThrottle().setAccountMaxFailures(1000);
		properties.getThrottle().setIpMaxFailures(1000);
		fail("grace", 99);
		clock.advance(Duration.ofMinutes(20));
		fail("grace", 1);
		assertThat(throttle.verdict("grace", IP)).isEqualTo(Verdict.LOCKED);
		assertThat(lockLength("grace")).as("until the hour ends").isEqualTo(Duration.ofMinutes(40));
		fail("grace", 1);
	}

	@Test
	void unlockEndsTheLock() {
		fail("heidi", 10);
		throttle.unlock("HEIDI");
		assertThat(throttle.verdict("heidi", IP)).isEqualTo(Verdict.OPEN);
	}

	@Test
	void anAddressIsLockedAfterFiftyFailures() {
		properties.getThrottle().setIpMaxDistinctLogins(1000);
		for (int i = 0; i < 10; i++) {
			fail("user" + i, 5);
		}
		assertThat(throttle.verdict("someone-else", IP)).isEqualTo(Verdict.LOCKED);
		assertThat(throttle.verdict("someone-else", "198.51.100.2")).isEqualTo(Verdict.OPEN);
		assertThat(meters.counter("gatehouse.throttle.locks", "kind", "ip").count()).isEqualTo(1);
		clock.advance(Duration.ofMinutes(5));
		assertThat(throttle.verdict("someone-else", IP)).isEqualTo(Verdict.OPEN);
		throttle.failed("someone-else", IP);
		assertThat(throttle.verdict("someone-else", IP)).isEqualTo(Verdict.OPEN);
	}

	@Test
	void manyDistinctLoginsFromOneSlash64LockItForTheWindow() {
		for (int i = 0; i < 19; i++) {
			fail("victim" + i, "2001:db8:7:7::" + Integer.toHexString(i + 1), 1);
		}
		assertThat(throttle.verdict("victim0", "2001:db8:7:7::abc")).isEqualTo(Verdict.OPEN);
		fail("victim19", "2001:db8:7:7:1:2:3:4", 1);
		assertThat(throttle.verdict("anyone", "2001:db8:7:7::abc")).isEqualTo(Verdict.LOCKED);
		assertThat(throttle.verdict("anyone", "2001:db8:7:8::abc")).isEqualTo(Verdict.OPEN);
		clock.advance(Duration.ofMinutes(10));
		assertThat(throttle.verdict("anyone", "2001:db8:7:7::abc")).isEqualTo(Verdict.OPEN);
	}

	@Test
	void withRecaptchaStuffingRequiresItInsteadOfLocking() {
		recaptchaEnabled = true;
		for (int i = 0; i < 20; i++) {
			fail("target" + i, 1);
		}
		assertThat(throttle.verdict("anyone", IP)).isEqualTo(Verdict.RECAPTCHA);
		assertThat(throttle.recaptchaRequired(IP)).isTrue();
		assertThat(throttle.admit("anyone", IP)).isFalse();
		recaptchaSolved = true;
		assertThat(throttle.admit("anyone", IP)).isTrue();
	}

	@Test
	void disabledThrottleAdmitsEverything() {
		properties.getThrottle().setEnabled(false);
		for (int i = 0; i < 30; i++) {
			throttle.failed("ivan", IP);
		}
		assertThat(throttle.admit("ivan", IP)).isTrue();
	}
}
