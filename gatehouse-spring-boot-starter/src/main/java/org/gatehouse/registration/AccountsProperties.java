package org.gatehouse.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.accounts.*} settings: what a new account's username must look like. */
@ConfigurationProperties(prefix = "gatehouse.accounts")
public class AccountsProperties {
	/** Shortest accepted username. */
	private int usernameMinLength = 3;
	/** Longest accepted username. */
	private int usernameMaxLength = 255;

	public int getUsernameMinLength() { return usernameMinLength; }
	public void setUsernameMinLength(int v) { this.usernameMinLength = v; }
	public int getUsernameMaxLength() { return usernameMaxLength; }
	public void setUsernameMaxLength(int v) { this.usernameMaxLength = v; }
}
