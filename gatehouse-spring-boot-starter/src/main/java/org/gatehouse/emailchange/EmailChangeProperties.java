package org.gatehouse.emailchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.change-email.*} settings of the change of email address (gatehouse.features.change-email). */
@ConfigurationProperties(prefix = "gatehouse.change-email")
public class EmailChangeProperties {
	/** How long the confirmation link mailed to the new address works (SECURITY_CHANGE_EMAIL_WITHIN). */
	private Duration confirmationValidity = Duration.ofHours(2);
	/**
	 * How long the link mailed to the old address can undo the change (restore the address, end every
	 * session, remember-me login and personal access token), counted from the request.
	 */
	private Duration revertPeriod = Duration.ofDays(7);

	/** Interval of the ended-email-changes clean-up task (deletes requests whose links have all ended). */
	private Duration cleanupInterval = Duration.ofDays(1);

	public Duration getConfirmationValidity() { return confirmationValidity; }
	public void setConfirmationValidity(Duration v) { this.confirmationValidity = v; }
	public Duration getRevertPeriod() { return revertPeriod; }
	public void setRevertPeriod(Duration v) { this.revertPeriod = v; }
	public Duration getCleanupInterval() { return cleanupInterval; }
	public void setCleanupInterval(Duration v) { this.cleanupInterval = v; }
}
