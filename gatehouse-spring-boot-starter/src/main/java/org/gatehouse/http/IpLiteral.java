package org.gatehouse.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses an IP address as it appears in X-Forwarded-For or a socket address: IPv4 or IPv6,
 * optionally bracketed and with a port. Never resolves names. IPv6 comes out in the RFC 5952
 * form ({@code 2001:db8::1}); IPv4-mapped IPv6 comes out as the IPv4 address.
 */
public final class IpLiteral {

	private static final Pattern IPV4 = Pattern.compile(
			"^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
	private static final Pattern HEX_GROUP = Pattern.compile("^[0-9a-fA-F]{1,4}$");
	private static final Pattern PORT = Pattern.compile("^:\\d{1,5}$");

	private IpLiteral() {
	}

	public static Optional<String> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip();
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			if (end < 0 || !(end == value.length() - 1 || PORT.matcher(value.substring(end + 1)).matches())) {
				return Optional.empty();
			}
			return ipv6(value.substring(1, end));
		}
		int colon = value.indexOf(':');
		if (colon >= 0 && colon == value.lastIndexOf(':')) {
			if (!PORT.matcher(value.substring(colon)).matches()) {
				return Optional.empty();
			}
			return ipv4(value.substring(0, colon));
		}
		return colon >= 0 ? ipv6(value) : ipv4(value);
	}

	private static Optional<String> ipv4(String value) {
		return IPV4.matcher(value).matches() ? Optional.of(value) : Optional.empty();
	}

	private static Optional<String> ipv6(String value) {
		int[] groups = ipv6Groups(value);
		if (groups == null) {
			return Optional.empty();
		}
		if (isIpv4Mapped(groups)) {
			return Optional.of((groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff));
		}
		return Optional.of(rfc5952(groups));
	}

	/** The eight 16-bit groups, or null when {@code value} is not an IPv6 address. */
	private static int[] ipv6Groups(String value) {
		int doubleColon = value.indexOf("::");
		if (doubleColon != value.lastIndexOf("::") || value.contains(":::")) {
			return null;
		}
		String head = doubleColon < 0 ? value : value.substring(0, doubleColon);
		String tail = doubleColon < 0 ? "" : value.substring(doubleColon + 2);
		int[] headGroups = groups(head);
		int[] tailGroups = groups(tail);
		if (headGroups == null || tailGroups == null) {
			return null;
		}
		int count = headGroups.length + tailGroups.length;
		if ((doubleColon < 0 && count != 8) || (doubleColon >= 0 && count > 7)) {
			return null;
		}
		int[] result = new int[8];
		System.arraycopy(headGroups, 0, result, 0, headGroups.length);
		System.arraycopy(tailGroups, 0, result, 8 - tailGroups.length, tailGroups.length);
		return result;
	}

	private static int[] groups(String part) {
		if (part.isEmpty()) {
			return new int[0];
		}
		String[] texts = part.split(":", -1);
		boolean endsWithIpv4 = texts[texts.length - 1].contains(".");
		int[] groups = new int[texts.length + (endsWithIpv4 ? 1 : 0)];
		for (int i = 0; i < texts.length; i++) {
			if (endsWithIpv4 && i == texts.length - 1) {
				if (!IPV4.matcher(texts[i]).matches()) {
					return null;
				}
				String[] octets = texts[i].split("\\.");
				groups[i] = Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]);
				groups[i + 1] = Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]);
			}
			else if (HEX_GROUP.matcher(texts[i]).matches()) {
				groups[i] = Integer.parseInt(texts[i], 16);
			}
			else {
				return null;
			}
		}
		return groups;
	}

	private static boolean isIpv4Mapped(int[] groups) {
		for (int i = 0; i < 5; i++) {
			if (groups[i] != 0) {
				return false;
			}
		}
		return groups[5] == 0xffff;
	}

	/** Lower-case hex, leading zeros dropped, the longest run of two or more zero groups as "::". */
	private static String rfc5952(int[] groups) {
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8; i++) {
			int length = 0;
			while (i + length < 8 && groups[i + length] == 0) {
				length++;
			}
			if (length > bestLength) {
				bestStart = i;
				bestLength = length;
			}
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString();
	}
}
