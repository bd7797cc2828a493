package org.gatehouse.http;

/**
 * What the client actually connected with, after trusted proxy headers are applied.
 *
 * @param address the client IP address
 * @param scheme {@code http} or {@code https}
 * @param host the Host header value the client sent, port included if given
 */
record ClientConnection(String address, String scheme, String host) {

	public boolean isSecure() {
		return "https".equals(scheme);
	}
}
