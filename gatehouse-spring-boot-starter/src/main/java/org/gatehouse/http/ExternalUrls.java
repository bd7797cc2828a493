package org.gatehouse.http;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.mail.MailProperties;


/**
 * Base URLs for absolute links (mails, redirects) that only ever name an allowed host and a
 * port the client cannot choose, so a forged Host header can never send a password-reset link
 * to another server. The Host header's port counts only when it is the port this server
 * accepted the connection on (and no proxy stands in between); any other port is dropped for
 * the scheme's default. Behind a proxy on a non-default port, set {@code gatehouse.mail.link-base-url}.
 */
public class ExternalUrls {

	private final AllowedHosts allowedHosts;
	private final String linkBaseUrl;
	private final boolean behindProxies;

	public ExternalUrls(GatehouseProperties properties, HttpProperties http, MailProperties mail, AllowedHosts allowedHosts) {
		this.allowedHosts = allowedHosts;
		this.linkBaseUrl = validatedLinkBaseUrl(mail.getLinkBaseUrl(), allowedHosts);
		this.behindProxies = http.getProxies() > 0;
	}

	/**
	 * {@code scheme://host[:port]} of the request (proxy-aware), without a trailing slash: the
	 * allowed host of the Host header, with its port only if that is the port the connection came in on.
	 */
	public String baseUrl(HttpServletRequest request) {
		HostHeader host = HostHeader.parse(allowedHost(request)).orElseThrow();
		return request.getScheme() + "://" + host.domain() + trustedPort(request, host);
	}

	/** {@code https://host} of the request, on the default HTTPS port. */
	public String httpsBaseUrl(HttpServletRequest request) {
		return "https://" + HostHeader.parse(allowedHost(request)).orElseThrow().domain();
	}

	/**
	 * Base of links sent by mail, to which the application path is appended:
	 * {@code gatehouse.mail.link-base-url} when set, else {@link #baseUrl} and the context path.
	 */
	public String linkBaseUrl(HttpServletRequest request) {
		return linkBaseUrl != null ? linkBaseUrl : baseUrl(request) + request.getContextPath();
	}

	private String trustedPort(HttpServletRequest request, HostHeader host) {
		if (host.port().isEmpty()) {
			return "";
		}
		int port = host.port().getAsInt();
		boolean defaultPort = port == ("https".equals(request.getScheme()) ? 443 : 80);
		boolean connectionPort = !behindProxies && port == request.getLocalPort();
		return !defaultPort && connectionPort ? ":" + port : "";
	}

	private String allowedHost(HttpServletRequest request) {
		String host = request.getHeader("Host");
		if (!allowedHosts.isAllowed(host)) {
			throw new IllegalArgumentException("Host not allowed: " + host);
		}
		return host;
	}

	private static String validatedLinkBaseUrl(String configured, AllowedHosts allowedHosts) {
		if (configured == null || configured.isBlank()) {
			return null;
		}
		String problem = "gatehouse.mail.link-base-url (GATEHOUSE_MAIL_LINK_BASE_URL) must be an http(s) URL "
				+ "of one of gatehouse.http.allowed-hosts, without user info, query or fragment: " + configured;
		URI uri;
		try {
			uri = new URI(configured.strip());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(problem, ex);
		}
		boolean valid = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
				&& uri.getRawAuthority() != null && uri.getRawUserInfo() == null
				&& uri.getRawQuery() == null && uri.getRawFragment() == null
				&& allowedHosts.isAllowed(uri.getRawAuthority());
		if (!valid) {
			throw new IllegalStateException(problem);
		}
		String url = uri.toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
