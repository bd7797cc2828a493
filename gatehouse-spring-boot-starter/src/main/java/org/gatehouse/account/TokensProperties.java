package org.gatehouse.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.tokens.*} settings: how long the links sent by mail work. */
@ConfigurationProperties(prefix = "gatehouse.tokens")
public class TokensProperties {
	/** How long a confirmation link works (SECURITY_CONFIRM_EMAIL_WITHIN). */
	private Duration confirmationValidity = Duration.ofDays(5);
	/** How long a reset link works (SECURITY_RESET_PASSWORD_WITHIN). */
	private Duration resetValidity = Duration.ofHours(1);
	/** How long the set-password link of an invitation by an administrator works. */
	private Duration invitationValidity = Duration.ofDays(3);

	public Duration getConfirmationValidity() { return confirmationValidity; }
	public void setConfirmationValidity(Duration v) { this.confirmationValidity = v; }
	public Duration getResetValidity() { return resetValidity; }
	public void setResetValidity(Duration v) { this.resetValidity = v; }
	public Duration getInvitationValidity() { return invitationValidity; }
	public void setInvitationValidity(Duration v) { this.invitationValidity = v; }
}
