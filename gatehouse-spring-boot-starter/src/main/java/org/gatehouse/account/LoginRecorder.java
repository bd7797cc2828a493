package org.gatehouse.account;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.http.IpLiteral;

/** Login tracking (SECURITY_TRACKABLE): times, addresses and count, updated atomically. */
class LoginRecorder {

	private final UserStore users;
	private final TrackingProperties properties;

	public LoginRecorder(UserStore users, TrackingProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	public void loggedIn(AccountPrincipal principal, HttpServletRequest request) {
		if (properties.isEnabled()) {
			users.recordLogin(principal.id(), IpLiteral.parse(request.getRemoteAddr()).orElse(request.getRemoteAddr()));
		}
	}
}
