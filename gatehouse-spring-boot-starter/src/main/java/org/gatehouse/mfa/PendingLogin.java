package org.gatehouse.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A login whose first factor was right and whose second step is not done, kept in the session (never as its
 * security context).
 *
 * @param firstFactorAuthorities the factor authorities the first factor proved ({@code FACTOR_PASSWORD})
 * @param enrolment the user must enrol a factor first (their role requires one)
 * @param failures wrong answers so far
 */
record PendingLogin(long userId, List<String> firstFactorAuthorities, boolean rememberMe, String next,
		Instant expiresAt, boolean enrolment, int failures) {

	static final String SESSION_ATTRIBUTE = "gatehouse.mfa.pending-login";
	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/** This session's pending login while it is not expired; an expired one is removed. */
	static PendingLogin current(HttpServletRequest request, Instant now) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof String stored)) {
			return null;
		}
		PendingLogin pending = parse(stored);
		if (!now.isBefore(pending.expiresAt())) {
			session.removeAttribute(SESSION_ATTRIBUTE);
			return null;
		}
		return pending;
	}

	PendingLogin failedOnce() {
		return new PendingLogin(userId, firstFactorAuthorities, rememberMe, next, expiresAt, enrolment, failures + 1);
	}

	/** Stored as one string: the session stores read back only allowed types, and strings are. */
	void store(HttpSession session) {
		session.setAttribute(SESSION_ATTRIBUTE, String.join("|", Long.toString(userId),
				String.join(",", firstFactorAuthorities), Boolean.toString(rememberMe),
				next == null ? "" : ENCODER.encodeToString(next.getBytes(StandardCharsets.UTF_8)),
				Long.toString(expiresAt.toEpochMilli()), Boolean.toString(enrolment), Integer.toString(failures)));
	}

	private static PendingLogin parse(String stored) {
		String[] parts = stored.split("\\|", -1);
		return new PendingLogin(Long.parseLong(parts[0]),
				parts[1].isEmpty() ? List.of() : List.of(parts[1].split(",")), Boolean.parseBoolean(parts[2]),
				parts[3].isEmpty() ? null : new String(DECODER.decode(parts[3]), StandardCharsets.UTF_8),
				Instant.ofEpochMilli(Long.parseLong(parts[4])), Boolean.parseBoolean(parts[5]),
				Integer.parseInt(parts[6]));
	}

	static void clear(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(SESSION_ATTRIBUTE);
		}
	}
}
