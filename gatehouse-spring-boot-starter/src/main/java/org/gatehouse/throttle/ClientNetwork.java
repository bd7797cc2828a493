package org.gatehouse.throttle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

import org.gatehouse.http.IpLiteral;

/**
 * The unit that address-based limits count: an IPv4 address, or the /64 an IPv6 address
 * belongs to, since one host usually controls a whole /64.
 */
final class ClientNetwork {

	private ClientNetwork() {
	}

	public static String of(String remoteAddr) {
		String ip = IpLiteral.parse(remoteAddr).orElse(null);
		if (ip == null) {
			return "unknown";
		}
		if (!ip.contains(":")) {
			return ip;
		}
		try {
			// a literal: no name lookup happens
			byte[] bytes = InetAddress.getByName(ip).getAddress();
			HexFormat hex = HexFormat.of();
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				prefix.append(hex.toHexDigits(bytes[i])).append(hex.toHexDigits(bytes[i + 1])).append(':');
			}
			return prefix.append(":/64").toString();
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}
}
