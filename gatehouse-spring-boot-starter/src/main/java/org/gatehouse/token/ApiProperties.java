package org.gatehouse.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.api.*} settings: API documentation and personal access tokens. */
@ConfigurationProperties(prefix = "gatehouse.api")
public class ApiProperties {
	/** Serve the OpenAPI 3 description at /api/openapi.json. */
	private boolean docsEnabled = true;
	/**
	 * Revoke the user's personal access tokens when they change their password (a reset by email always
	 * revokes them): whoever knew the old password may have created some. False keeps scripts working.
	 */
	private boolean revokeTokensOnPasswordChange = true;
	/**
	 * Longest life of a personal access token: a token without expires_at expires after it,
	 * a later expires_at is refused.
	 */
	private Duration tokenMaxLifetime = Duration.ofDays(365);

	public boolean isDocsEnabled() { return docsEnabled; }
	public void setDocsEnabled(boolean docsEnabled) { this.docsEnabled = docsEnabled; }
	public boolean isRevokeTokensOnPasswordChange() { return revokeTokensOnPasswordChange; }
	public void setRevokeTokensOnPasswordChange(boolean v) { this.revokeTokensOnPasswordChange = v; }
	public Duration getTokenMaxLifetime() { return tokenMaxLifetime; }
	public void setTokenMaxLifetime(Duration v) { this.tokenMaxLifetime = v; }
}
