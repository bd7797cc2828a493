package org.gatehouse.http;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.config.GatehouseProperties;

import org.springframework.stereotype.Component;

/**
 * Base URLs for absolute links (mails, redirects) that only ever name an allowed host, so a
 * forged Host header can never end up in a password-reset link.
 */
@Component
public class ExternalUrls {

	private final AllowedHosts allowedHosts;
	private final String linkBaseUrl;

	public ExternalUrls(GatehouseProperties properties, AllowedHosts allowedHosts) {
		this.allowedHosts = allowedHosts;
		this.linkBaseUrl = validatedLinkBaseUrl(properties.getMail().getLinkBaseUrl(), allowedHosts);
	}

	/** {@code scheme://host[:port]} of the request as the client sent it (proxy-aware), without a trailing slash. */
	public String baseUrl(HttpServletRequest request) {
		return request.getScheme() + "://" + allowedHost(request);
	}

	/** {@code https://host} of the request, on the default HTTPS port. */
	public String httpsBaseUrl(HttpServletRequest request) {
		return "https://" + HostHeader.parse(allowedHost(request)).orElseThrow().domain();
	}

	/** Base of links sent by mail: {@code gatehouse.mail.link-base-url} when set, else {@link #baseUrl}. */
	public String linkBaseUrl(HttpServletRequest request) {
		return linkBaseUrl != null ? linkBaseUrl : baseUrl(request);
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
