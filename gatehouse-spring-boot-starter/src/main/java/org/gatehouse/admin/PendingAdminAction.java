package org.gatehouse.admin;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A privileged admin action that was refused for want of a recent password, kept in the admin's
 * session (never sent to the browser) so that re-authenticating performs exactly it, once: a
 * user-page action, or a new user with roles (the form's fields; it has no password field). The
 * re-authentication form carries only its random id, which must match: a stale or forged form
 * performs nothing. Only actions that already passed CSRF, the admin-role check and the form's
 * validation are recorded. Kept as a string, since the session stores only allow-listed types.
 */
record PendingAdminAction(String id, Kind kind, long userId, Map<String, String> fields) {

	enum Kind {
		BAN, UNBAN, ADD_ROLE("role"), REMOVE_ROLE("role"), CREATE_USER("email", "username", "roles");

		/** The request parameters the action needs again. */
		private final List<String> fields;

		Kind(String... fields) {
			this.fields = List.of(fields);
		}
	}

	private static final String SESSION_ATTRIBUTE = "gatehouse.admin.pending-action";
	private static final Pattern USER_ACTION = Pattern
		.compile("/admin/users/(\\d{1,18})/(ban|unban|roles/add|roles/remove)");
	private static final SecureRandom RANDOM = new SecureRandom();

	/** Records the refused request's action in its session, when it is one that can be replayed. */
	static void remember(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher userAction = USER_ACTION.matcher(path);
		Kind kind;
		long userId = 0;
		if (userAction.matches()) {
			kind = switch (userAction.group(2)) {
				case "ban" -> Kind.BAN;
				case "unban" -> Kind.UNBAN;
				case "roles/add" -> Kind.ADD_ROLE;
				default -> Kind.REMOVE_ROLE;
			};
			userId = Long.parseLong(userAction.group(1));
		}
		else if (AdminPaths.NEW_USER.equals(path)) {
			kind = Kind.CREATE_USER;
		}
		else {
			return;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		kind.fields.forEach(name -> fields.put(name, request.getParameter(name)));
		if (fields.containsValue(null) && kind != Kind.CREATE_USER) {
			return;
		}
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		request.getSession().setAttribute(SESSION_ATTRIBUTE,
				encode(new PendingAdminAction(HexFormat.of().formatHex(id), kind, userId, fields)));
	}

	static Optional<PendingAdminAction> peek(HttpSession session) {
		if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof String stored)) {
			return Optional.empty();
		}
		return decode(stored);
	}

	/** Removes the pending action and returns it when its id is the one given; any other id leaves nothing pending. */
	static Optional<PendingAdminAction> take(HttpSession session, String id) {
		Optional<PendingAdminAction> pending = peek(session);
		if (session != null) {
			session.removeAttribute(SESSION_ATTRIBUTE);
		}
		return pending.filter(action -> action.id().equals(id));
	}

	String role() {
		return fields.get("role");
	}

	/** The new-user form as it was submitted (for {@link Kind#CREATE_USER}). */
	NewUserForm newUserForm() {
		NewUserForm form = new NewUserForm();
		form.setEmail(fields.get("email"));
		form.setUsername(fields.get("username"));
		form.setRoles(fields.get("roles"));
		return form;
	}

	/** As a query string: id, kind, user, then the fields (an absent one is left out). */
	private static String encode(PendingAdminAction action) {
		StringJoiner query = new StringJoiner("&");
		query.add("id=" + action.id()).add("kind=" + action.kind().name()).add("user=" + action.userId());
		action.fields().forEach((name, value) -> {
			if (value != null) {
				query.add(name + "=" + URLEncoder.encode(value, UTF_8));
			}
		});
		return query.toString();
	}

	private static Optional<PendingAdminAction> decode(String stored) {
		Map<String, String> values = new LinkedHashMap<>();
		try {
			for (String pair : stored.split("&")) {
				String[] nameValue = pair.split("=", 2);
				values.put(nameValue[0], nameValue.length == 2 ? URLDecoder.decode(nameValue[1], UTF_8) : "");
			}
			Kind kind = Kind.valueOf(values.getOrDefault("kind", ""));
			long userId = Long.parseLong(values.getOrDefault("user", ""));
			String id = values.getOrDefault("id", "");
			Map<String, String> fields = new LinkedHashMap<>();
			kind.fields.forEach(name -> fields.put(name, values.get(name)));
			return id.isEmpty() ? Optional.empty() : Optional.of(new PendingAdminAction(id, kind, userId, fields));
		}
		catch (IllegalArgumentException unreadable) {
			return Optional.empty(); // e.g. kept by an earlier version in another format: nothing to perform
		}
	}
}
