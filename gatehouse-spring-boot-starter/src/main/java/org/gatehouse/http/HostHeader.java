package org.gatehouse.http;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A syntactically valid Host header value: a DNS name or IPv4 address, or a bracketed IPv6
 * address, with an optional port (the same grammar as Django's {@code split_domain_port}).
 *
 * @param domain lower-case, without a trailing dot; IPv6 addresses keep their brackets
 * @param port the explicit port, if any
 */
record HostHeader(String domain, OptionalInt port) {

	private static final Pattern SYNTAX = Pattern.compile("^([a-z0-9.-]+|\\[[a-f0-9]*:[a-f0-9.:]+])(:[0-9]{1,5})?$");

	public static Optional<HostHeader> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		Matcher matcher = SYNTAX.matcher(value.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String domain = matcher.group(1);
		if (domain.endsWith(".")) {
			domain = domain.substring(0, domain.length() - 1);
		}
		if (domain.isEmpty()) {
			return Optional.empty();
		}
		String port = matcher.group(2);
		return Optional.of(new HostHeader(domain,
				port == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port.substring(1)))));
	}
}
