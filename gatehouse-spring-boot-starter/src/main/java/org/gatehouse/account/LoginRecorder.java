package org.gatehouse.account;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.http.IpLiteral;
import org.springframework.context.ApplicationEventPublisher;

/** Login tracking (SECURITY_TRACKABLE): times, addresses and count, updated atomically. */
class LoginRecorder {

	private final UserStore users;
	private final TrackingProperties properties;
	private final ApplicationEventPublisher events;

	public LoginRecorder(UserStore users, TrackingProperties properties, ApplicationEventPublisher events) {
		this.users = users;
		this.properties = properties;
		this.events = events;
	}

	public void loggedIn(AccountPrincipal principal, HttpServletRequest request) {
		if (properties.isEnabled()) {
			users.recordLogin(principal.id(), IpLiteral.parse(request.getRemoteAddr()).orElse(request.getRemoteAddr()));
		}
		events.publishEvent(new SessionLoggedInEvent(request));
	}
}
