package org.gatehouse.admin;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A privileged user-page action that was refused for want of a recent password, kept in the
 * admin's session (never sent to the browser) so that re-authenticating performs exactly it, once.
 * The re-authentication form carries only its random id, which must match: a stale or forged form
 * performs nothing. Only actions that already passed CSRF and the admin-role check are recorded.
 * Kept as a string, since the session stores only allow-listed attribute types.
 */
record PendingAdminAction(String id, Kind kind, long userId, String role) {

	enum Kind {
		BAN, UNBAN, ADD_ROLE, REMOVE_ROLE
	}

	private static final String SESSION_ATTRIBUTE = "gatehouse.admin.pending-action";
	private static final Pattern PATH = Pattern.compile("/admin/users/(\\d{1,18})/(ban|unban|roles/add|roles/remove)");
	private static final SecureRandom RANDOM = new SecureRandom();

	/** Records the refused request's action in its session, when it is one that can be replayed. */
	static void remember(HttpServletRequest request) {
		Matcher path = PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!"POST".equals(request.getMethod()) || !path.matches()) {
			return;
		}
		Kind kind = switch (path.group(2)) {
			case "ban" -> Kind.BAN;
			case "unban" -> Kind.UNBAN;
			case "roles/add" -> Kind.ADD_ROLE;
			default -> Kind.REMOVE_ROLE;
		};
		String role = request.getParameter("role");
		if ((kind == Kind.ADD_ROLE || kind == Kind.REMOVE_ROLE) && role == null) {
			return;
		}
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		request.getSession().setAttribute(SESSION_ATTRIBUTE, String.join(":", HexFormat.of().formatHex(id),
				kind.name(), path.group(1), role == null ? "" : role));
	}

	static Optional<PendingAdminAction> peek(HttpSession session) {
		if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof String stored)) {
			return Optional.empty();
		}
		String[] parts = stored.split(":", 4);
		return Optional.of(new PendingAdminAction(parts[0], Kind.valueOf(parts[1]), Long.parseLong(parts[2]),
				parts[3].isEmpty() ? null : parts[3]));
	}

	/** Removes the pending action and returns it when its id is the one given; any other id leaves nothing pending. */
	static Optional<PendingAdminAction> take(HttpSession session, String id) {
		Optional<PendingAdminAction> pending = peek(session);
		if (pending.isPresent()) {
			session.removeAttribute(SESSION_ATTRIBUTE);
		}
		return pending.filter(action -> action.id().equals(id));
	}
}
