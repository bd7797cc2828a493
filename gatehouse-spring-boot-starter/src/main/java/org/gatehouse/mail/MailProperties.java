package org.gatehouse.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.mail.*} settings: the sender and the links of account mails. */
@ConfigurationProperties(prefix = "gatehouse.mail")
public class MailProperties {
	/** Sender address of account mails. */
	private String from = "Gatehouse <no-reply@localhost>";
	/**
	 * Base URL of links in mails ({@code https://auth.example.org}); must name an allowed host, https in
	 * production. Unset: the request's allowed host, with its port only if the connection came in on it.
	 */
	private String linkBaseUrl;

	public String getFrom() { return from; }
	public void setFrom(String from) { this.from = from; }
	public String getLinkBaseUrl() { return linkBaseUrl; }
	public void setLinkBaseUrl(String linkBaseUrl) { this.linkBaseUrl = linkBaseUrl; }
}
