package org.gatehouse.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.tracking.*} settings: what a login records about the user (SECURITY_TRACKABLE). */
@ConfigurationProperties(prefix = "gatehouse.tracking")
public class TrackingProperties {
	/** SECURITY_TRACKABLE: login times, IPs and count on the user. */
	private boolean enabled = true;
	/** How long IP addresses are kept in tracking and activity records. */
	private Duration ipRetention = Duration.ofDays(30);

	public boolean isEnabled() { return enabled; }
	public void setEnabled(boolean enabled) { this.enabled = enabled; }
	public Duration getIpRetention() { return ipRetention; }
	public void setIpRetention(Duration ipRetention) { this.ipRetention = ipRetention; }
}
