package org.gatehouse.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.admin.*} settings: how recently the password must have been entered for actions that grant or take access. */
@ConfigurationProperties(prefix = "gatehouse.admin")
public class AdminProperties {
	/**
	 * Actions that grant or take access (admin: create with roles, unban, role add/remove, ban,
	 * session revocation, unlock; everyone: creating a personal access token) need the password
	 * entered within this time.
	 */
	private Duration reauthenticationTimeout = Duration.ofMinutes(5);

	public Duration getReauthenticationTimeout() { return reauthenticationTimeout; }
	public void setReauthenticationTimeout(Duration v) { this.reauthenticationTimeout = v; }
}
