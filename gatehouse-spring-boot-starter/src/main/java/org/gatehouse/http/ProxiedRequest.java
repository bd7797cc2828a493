package org.gatehouse.http;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request as the client made it, seen through trusted proxies: address, scheme, Host
 * header, server name and port, and request URL all come from the {@link ClientConnection}.
 * The Host header itself is replaced (as werkzeug's ProxyFix does) so host checks,
 * redirects and absolute links all see the same host.
 */
class ProxiedRequest extends HttpServletRequestWrapper {

	private static final String HOST = "Host";

	private final ClientConnection connection;
	private final Optional<HostHeader> host;

	public ProxiedRequest(HttpServletRequest request, ClientConnection connection) {
		super(request);
		this.connection = connection;
		this.host = HostHeader.parse(connection.host());
	}

	@Override
	public String getRemoteAddr() {
		return connection.address();
	}

	@Override
	public String getRemoteHost() {
		return connection.address();
	}

	@Override
	public String getScheme() {
		return connection.scheme();
	}

	@Override
	public boolean isSecure() {
		return connection.isSecure();
	}

	@Override
	public String getServerName() {
		return host.map(HostHeader::domain).orElseGet(super::getServerName);
	}

	@Override
	public int getServerPort() {
		if (host.isEmpty()) {
			return super.getServerPort();
		}
		return host.get().port().orElse(connection.isSecure() ? 443 : 80);
	}

	@Override
	public StringBuffer getRequestURL() {
		StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
		int port = getServerPort();
		if (port != (isSecure() ? 443 : 80)) {
			url.append(':').append(port);
		}
		return url.append(getRequestURI());
	}

	@Override
	public String getHeader(String name) {
		return HOST.equalsIgnoreCase(name) ? connection.host() : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		if (HOST.equalsIgnoreCase(name)) {
			return connection.host() == null ? Collections.emptyEnumeration()
					: Collections.enumeration(List.of(connection.host()));
		}
		return super.getHeaders(name);
	}
}
