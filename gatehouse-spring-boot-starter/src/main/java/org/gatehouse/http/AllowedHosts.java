package org.gatehouse.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;



/**
 * The host names this service answers to ({@code gatehouse.http.allowed-hosts}, Django's
 * ALLOWED_HOSTS): exact names compared case-insensitively with the port ignored,
 * {@code .example.org} for the domain and all its subdomains, {@code *} for anything.
 */
public class AllowedHosts {

	private final List<String> patterns;

	public AllowedHosts(HttpProperties properties) {
		this.patterns = properties.getAllowedHosts().stream()
				.filter(Objects::nonNull)
				.map(pattern -> pattern.strip().toLowerCase(Locale.ROOT))
				.filter(pattern -> !pattern.isEmpty())
				.toList();
	}

	/** Whether {@code hostHeader} (a Host header value, port optional) is well-formed and allowed. */
	public boolean isAllowed(String hostHeader) {
		return HostHeader.parse(hostHeader).map(host -> matchesAny(host.domain())).orElse(false);
	}

	private boolean matchesAny(String domain) {
		for (String pattern : patterns) {
			if (pattern.equals("*") || pattern.equals(domain)
					|| (pattern.startsWith(".") && (domain.endsWith(pattern) || domain.equals(pattern.substring(1))))) {
				return true;
			}
		}
		return false;
	}
}
