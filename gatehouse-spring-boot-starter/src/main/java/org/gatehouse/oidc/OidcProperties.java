package org.gatehouse.oidc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * gatehouse.oidc.*: Gatehouse as an OpenID Connect provider (gatehouse.features.oidc-provider). Clients are
 * registered with the command line or the admin API, not here.
 */
@ConfigurationProperties(prefix = "gatehouse.oidc")
public class OidcProperties {

	public enum Algorithm { ES256, RS256 }

	/**
	 * The issuer identifier (https://id.example.org), which relying parties compare with the iss claim. Unset: taken
	 * from each request's scheme, host and port (behind a proxy, as the forwarded headers say).
	 */
	private String issuer;

	/**
	 * Signature algorithm of new signing keys (ID tokens, access tokens, back-channel logout tokens). RS256 by default:
	 * the one every OpenID Connect relying party must accept (Spring Security's client, for one, expects it unless
	 * told otherwise); ES256 for relying parties configured for it.
	 */
	private Algorithm signingAlgorithm = Algorithm.RS256;

	/** Lifetime of access tokens; Gatehouse's /api accepts them as Bearer tokens until they expire or are revoked. */
	private Duration accessTokenTimeToLive = Duration.ofMinutes(5);

	/** Lifetime of refresh tokens; each use replaces the token with a new one. */
	private Duration refreshTokenTimeToLive = Duration.ofDays(30);

	/** Lifetime of authorization codes. */
	private Duration authorizationCodeTimeToLive = Duration.ofMinutes(5);

	/** How long Gatehouse waits for a relying party's back-channel logout endpoint. */
	private Duration backchannelLogoutTimeout = Duration.ofSeconds(5);

	/** Interval of the expired-oidc-authorizations clean-up task. */
	private Duration cleanupInterval = Duration.ofHours(1);

	/**
	 * How long an authorization is kept after its last token expired (and an unanswered consent request after it was
	 * made): RP-initiated logout finds the user's authorization by the ID token the relying party presents, even an
	 * expired one.
	 */
	private Duration expiredAuthorizationRetention = Duration.ofDays(1);

	public String getIssuer() { return issuer; }
	public void setIssuer(String issuer) { this.issuer = issuer; }
	public Algorithm getSigningAlgorithm() { return signingAlgorithm; }
	public void setSigningAlgorithm(Algorithm signingAlgorithm) { this.signingAlgorithm = signingAlgorithm; }
	public Duration getAccessTokenTimeToLive() { return accessTokenTimeToLive; }
	public void setAccessTokenTimeToLive(Duration v) { this.accessTokenTimeToLive = v; }
	public Duration getRefreshTokenTimeToLive() { return refreshTokenTimeToLive; }
	public void setRefreshTokenTimeToLive(Duration v) { this.refreshTokenTimeToLive = v; }
	public Duration getAuthorizationCodeTimeToLive() { return authorizationCodeTimeToLive; }
	public void setAuthorizationCodeTimeToLive(Duration v) { this.authorizationCodeTimeToLive = v; }
	public Duration getBackchannelLogoutTimeout() { return backchannelLogoutTimeout; }
	public void setBackchannelLogoutTimeout(Duration v) { this.backchannelLogoutTimeout = v; }
	public Duration getCleanupInterval() { return cleanupInterval; }
	public void setCleanupInterval(Duration v) { this.cleanupInterval = v; }
	public Duration getExpiredAuthorizationRetention() { return expiredAuthorizationRetention; }
	public void setExpiredAuthorizationRetention(Duration v) { this.expiredAuthorizationRetention = v; }
}
