package org.gatehouse.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.gatehouse.account.AccountPasswordCheck;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** When the admin last typed their password, kept in the session (so it ends with it). */
@Component
public class Reauthentication {

	static final String SESSION_ATTRIBUTE = "gatehouse.admin.reauthenticated-at";

	private final GatehouseProperties properties;
	private final Clock clock;
	private final UserStore users;
	private final AccountPasswordCheck passwordCheck;
	private final ApplicationEventPublisher events;

	public Reauthentication(GatehouseProperties properties, Clock clock, UserStore users, AccountPasswordCheck passwordCheck,
			ApplicationEventPublisher events) {
		this.properties = properties;
		this.clock = clock;
		this.users = users;
		this.passwordCheck = passwordCheck;
		this.events = events;
	}

	/**
	 * Checks the admin's password; when correct, destructive actions are allowed in this
	 * session for gatehouse.admin.reauthentication-timeout, when wrong the failure is audited.
	 * A wrong password counts as a failed login of the account, and a locked account is refused.
	 */
	public boolean confirm(long adminId, String password, HttpSession session) {
		User user = users.findById(adminId).orElseThrow();
		if (!passwordCheck.confirm(user, password, clientAddress()).matches()) {
			events.publishEvent(SecurityEvent.byUser(SecurityEventType.REAUTHENTICATION_FAILED, adminId, null));
			return false;
		}
		markNow(session);
		return true;
	}

	/** The current request's client address (after the proxies rule): failures count against it as at login. */
	private static String clientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : null;
	}

	public void markNow(HttpSession session) {
		session.setAttribute(SESSION_ATTRIBUTE, clock.millis());
	}

	public boolean isFresh(HttpSession session) {
		return validUntil(session).isPresent();
	}

	/** Until when destructive actions are allowed without typing the password again; empty when not now. */
	public Optional<Instant> validUntil(HttpSession session) {
		if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Long at)) {
			return Optional.empty();
		}
		Instant deadline = Instant.ofEpochMilli(at).plus(timeout());
		return clock.instant().isBefore(deadline) ? Optional.of(deadline) : Optional.empty();
	}

	public Duration timeout() {
		return properties.getAdmin().getReauthenticationTimeout();
	}
}
