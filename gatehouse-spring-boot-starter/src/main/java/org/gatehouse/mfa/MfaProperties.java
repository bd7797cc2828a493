package org.gatehouse.mfa;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.mfa.*} settings: second factors (TOTP, recovery codes) and who must have one. */
@ConfigurationProperties(prefix = "gatehouse.mfa")
public class MfaProperties {
	/** How long a user has for the second step after the password (SECURITY_TWO_FACTOR_LOGIN_VALIDITY). */
	private Duration secondStepTimeout = Duration.ofMinutes(5);
	/**
	 * Users with one of these roles must have a second factor (SECURITY_TWO_FACTOR_REQUIRED, Keycloak's
	 * "Configure OTP" required action): they enrol at their next login and reach nothing else until done; the admin
	 * area refuses their sessions without one. Empty: second factors are optional for everyone.
	 */
	private List<String> requiredRoles = new ArrayList<>(List.of("admin"));
	/** Wrong codes one pending login may try before the password must be typed again. */
	private int maxAttempts = 5;
	private final Totp totp = new Totp();
	private final RecoveryCodes recoveryCodes = new RecoveryCodes();
	private final RememberBrowser rememberBrowser = new RememberBrowser();

	public Duration getSecondStepTimeout() { return secondStepTimeout; }
	public void setSecondStepTimeout(Duration v) { this.secondStepTimeout = v; }
	public List<String> getRequiredRoles() { return requiredRoles; }
	public void setRequiredRoles(List<String> v) { this.requiredRoles = v; }
	public int getMaxAttempts() { return maxAttempts; }
	public void setMaxAttempts(int v) { this.maxAttempts = v; }
	public Totp getTotp() { return totp; }
	public RecoveryCodes getRecoveryCodes() { return recoveryCodes; }
	public RememberBrowser getRememberBrowser() { return rememberBrowser; }

	/**
	 * "Remember this browser" on the second step (Flask-Security's SECURITY_TWO_FACTOR_ALWAYS_VALIDATE=False with
	 * SECURITY_TWO_FACTOR_LOGIN_VALIDITY): a signed cookie lets this browser skip the second step; revoked when the
	 * user's factors change.
	 */
	public static class RememberBrowser {
		/** Offer the choice on the second step. */
		private boolean enabled = false;
		/** How long a browser is remembered. */
		private Duration duration = Duration.ofDays(30);

		public boolean isEnabled() { return enabled; }
		public void setEnabled(boolean v) { this.enabled = v; }
		public Duration getDuration() { return duration; }
		public void setDuration(Duration v) { this.duration = v; }
	}

	/** RFC 6238 time-based one-time passwords (SECURITY_TOTP_*, Keycloak's OTP policy). */
	public static class Totp {
		/** HMAC algorithm: SHA1 (what every authenticator app supports), SHA256 or SHA512. */
		private String algorithm = "SHA1";
		/** Digits of a code: 6 to 8. */
		private int digits = 6;
		/** How long one code is valid. */
		private Duration period = Duration.ofSeconds(30);
		/** Steps accepted before and after the current one, for clocks that drift (Keycloak's look-around window). */
		private int window = 1;
		/** The issuer shown in the authenticator app (SECURITY_TOTP_ISSUER). */
		private String issuer = "Gatehouse";

		public String getAlgorithm() { return algorithm; }
		public void setAlgorithm(String v) { this.algorithm = v; }
		public int getDigits() { return digits; }
		public void setDigits(int v) { this.digits = v; }
		public Duration getPeriod() { return period; }
		public void setPeriod(Duration v) { this.period = v; }
		public int getWindow() { return window; }
		public void setWindow(int v) { this.window = v; }
		public String getIssuer() { return issuer; }
		public void setIssuer(String v) { this.issuer = v; }
	}

	/** Single-use codes for a lost phone (SECURITY_MULTI_FACTOR_RECOVERY_CODES_N). */
	public static class RecoveryCodes {
		/** How many codes a set has. */
		private int count = 10;

		public int getCount() { return count; }
		public void setCount(int v) { this.count = v; }
	}
}
