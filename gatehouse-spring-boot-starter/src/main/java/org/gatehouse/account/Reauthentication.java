package org.gatehouse.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.http.TooManyRequestsException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * When the user last typed their password, kept in the session (so it ends with it), and the
 * one rule for actions that grant or take privilege: they run only within
 * gatehouse.admin.reauthentication-timeout of that. The actions themselves call
 * {@link #requireRecentPassword(String, Object...)} (administrative actions through the admin package's
 * rule, which also accepts an admin-scoped token), so a page, the JSON API and any future
 * controller get the same rule.
 */
public class Reauthentication {

	static final String SESSION_ATTRIBUTE = "gatehouse.admin.reauthenticated-at";
	/** Set on a request whose own body carried the correct password (a Bearer request has no session to mark). */
	/** How long wrong second-factor codes are remembered (the mfa package's tally): the Retry-After of a refusal. */
	private static final Duration SECOND_FACTOR_LOCK = Duration.ofHours(1);

	private static final String REQUEST_ATTRIBUTE = Reauthentication.class.getName() + ".password-in-request";

	private final AdminProperties properties;
	private final Clock clock;
	private final UserStore users;
	private final PasswordCheck passwordCheck;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<SecondFactorCheck> secondFactors;

	public Reauthentication(AdminProperties properties, Clock clock, UserStore users, PasswordCheck passwordCheck,
			ApplicationEventPublisher events, ObjectProvider<SecondFactorCheck> secondFactors) {
		this.secondFactors = secondFactors;
		this.properties = properties;
		this.clock = clock;
		this.users = users;
		this.passwordCheck = passwordCheck;
		this.events = events;
	}

	/**
	 * Checks the user's password; when correct, the session (if the request has one) gets a new
	 * id, since it now holds more privilege, and privileged actions are allowed in it for
	 * gatehouse.admin.reauthentication-timeout; when wrong the failure is audited. A request
	 * without a session (a Bearer token) gets none. A wrong password counts as a failed login of
	 * the account (and of the client address, after the proxies rule), and a locked account is refused.
	 */
	public boolean confirm(long adminId, String password, HttpServletRequest request) {
		return confirm(adminId, password, request.getParameter("code"), request);
	}

	/**
	 * As {@link #confirm(long, String, HttpServletRequest)}, and when the account has a second factor the code of
	 * one of them too (a request with a session; a personal access token was itself made by a full login).
	 */
	public boolean confirm(long adminId, String password, String code, HttpServletRequest request) {
		User user = users.findById(adminId).orElseThrow();
		if (!passwordCheck.confirm(user, password, request.getRemoteAddr()).matches()
				|| request.getSession(false) != null && asksForCode(adminId)
						&& !codeAccepted(secondFactors.getObject().verify(user, code, request.getRemoteAddr()))) {
			events.publishEvent(new ReauthenticationFailureEvent(adminId));
			return false;
		}
		request.setAttribute(REQUEST_ATTRIBUTE, Boolean.TRUE);
		if (request.getSession(false) != null) {
			SessionLogin.renewSessionId(request);
			markNow(request.getSession(false));
		}
		return true;
	}

	/** Too many wrong codes lately is a 429 ("too many attempts"), not a wrong password. */
	private static boolean codeAccepted(SecondFactorCheck.Answer answer) {
		if (answer == SecondFactorCheck.Answer.LOCKED) {
			throw new TooManyRequestsException(SECOND_FACTOR_LOCK);
		}
		return answer == SecondFactorCheck.Answer.RIGHT;
	}

	/** Whether re-authenticating this user needs a second-factor code besides the password. */
	public boolean asksForCode(long userId) {
		SecondFactorCheck check = secondFactors.getIfAvailable();
		return check != null && check.hasSecondFactor(userId);
	}

	public void markNow(HttpSession session) {
		session.setAttribute(SESSION_ATTRIBUTE, clock.millis());
	}

	/** The current request carried the password, or its session re-authenticated recently; a token never counts. */
	public void requireRecentPassword(String messageKey, Object... arguments) {
		HttpServletRequest request = currentRequest();
		if (request.getAttribute(REQUEST_ATTRIBUTE) == null && !isFresh(request.getSession(false))) {
			throw new ReauthenticationRequiredException(messageKey, arguments);
		}
	}

	private static HttpServletRequest currentRequest() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest();
		}
		// fail closed: privileged web actions are not meant to run outside a request
		throw new IllegalStateException("A privileged action ran outside a web request");
	}

	public boolean isFresh(HttpSession session) {
		return validUntil(session).isPresent();
	}

	/** Until when privileged actions are allowed without typing the password again; empty when not now. */
	public Optional<Instant> validUntil(HttpSession session) {
		if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Long at)) {
			return Optional.empty();
		}
		Instant deadline = Instant.ofEpochMilli(at).plus(timeout());
		return clock.instant().isBefore(deadline) ? Optional.of(deadline) : Optional.empty();
	}

	public Duration timeout() {
		return properties.getReauthenticationTimeout();
	}
}
