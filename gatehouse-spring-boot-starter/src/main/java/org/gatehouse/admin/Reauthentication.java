package org.gatehouse.admin;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpSession;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.stereotype.Component;

/** When the admin last typed their password, kept in the session (so it ends with it). */
@Component
public class Reauthentication {

	static final String SESSION_ATTRIBUTE = "gatehouse.admin.reauthenticated-at";

	private final GatehouseProperties properties;
	private final Clock clock;

	public Reauthentication(GatehouseProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	public void markNow(HttpSession session) {
		session.setAttribute(SESSION_ATTRIBUTE, clock.millis());
	}

	public boolean isFresh(HttpSession session) {
		if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Long at)) {
			return false;
		}
		Instant deadline = Instant.ofEpochMilli(at).plus(properties.getAdmin().getReauthenticationTimeout());
		return clock.instant().isBefore(deadline);
	}
}
