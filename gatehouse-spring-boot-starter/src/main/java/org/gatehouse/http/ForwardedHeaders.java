package org.gatehouse.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies X-Forwarded-For, -Proto and -Host with WSGI_PROXIES / werkzeug ProxyFix semantics:
 * with {@code proxies = N}, only the N-th entry from the right is trusted, because each of the
 * N proxies appends what it saw and anything further left was sent by the client. A header with
 * fewer than N entries, or whose trusted entry is malformed, is ignored and the direct value kept.
 */
final class ForwardedHeaders {

	private ForwardedHeaders() {
	}

	/**
	 * Each header list holds every value of that header, in the order received.
	 */
	public static ClientConnection resolve(int proxies, ClientConnection direct, List<String> forwardedFor,
			List<String> forwardedProto, List<String> forwardedHost) {
		String directAddress = IpLiteral.parse(direct.address()).orElse(direct.address());
		if (proxies <= 0) {
			return new ClientConnection(directAddress, direct.scheme(), direct.host());
		}
		String address = trustedEntry(forwardedFor, proxies).flatMap(IpLiteral::parse).orElse(directAddress);
		String scheme = trustedEntry(forwardedProto, proxies)
				.map(value -> value.toLowerCase(Locale.ROOT))
				.filter(value -> value.equals("http") || value.equals("https"))
				.orElse(direct.scheme());
		String host = trustedEntry(forwardedHost, proxies)
				.filter(value -> HostHeader.parse(value).isPresent())
				.orElse(direct.host());
		return new ClientConnection(address, scheme, host);
	}

	private static Optional<String> trustedEntry(List<String> headerValues, int proxies) {
		List<String> entries = new ArrayList<>();
		for (String value : headerValues) {
			for (String entry : value.split(",", -1)) {
				entries.add(entry.strip());
			}
		}
		if (entries.size() < proxies) {
			return Optional.empty();
		}
		String entry = entries.get(entries.size() - proxies);
		return entry.isEmpty() ? Optional.empty() : Optional.of(entry);
	}
}
