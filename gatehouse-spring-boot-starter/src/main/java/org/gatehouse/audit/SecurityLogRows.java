package org.gatehouse.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.http.IpLiteral;
import org.springframework.beans.factory.ObjectProvider;

/** Turns stored entries into rows for the security log pages (the stored form and the API stay as they are). */
class SecurityLogRows {

	private static final List<CountedDetails> COUNTED = List.of(
			new CountedDetails("USER_BANNED", Pattern.compile("(\\d{1,18}) session\\(s\\) and (\\d{1,18}) token\\(s\\) ended"),
					"security-log.detail.banned"),
			new CountedDetails("SESSION_REVOKED", Pattern.compile("all: (\\d{1,18})"), "security-log.detail.sessions-ended"),
			new CountedDetails("REMEMBER_ME_THEFT", Pattern.compile("sessions ended: (\\d{1,18})"),
					"security-log.detail.sessions-ended"));
	private static final Map<String, String> PHRASES = Map.of(
			"REMEMBER_ME_THEFT:sessions could not be ended", "security-log.detail.sessions-not-ended",
			"USER_IMPORTED:without password", "security-log.detail.without-password");

	/** How a sign-in with an external provider is recorded: "external:" and the provider's name. */
	private static final String EXTERNAL_LOGIN = "external:";

	private final UserStore users;
	private final ObjectProvider<ClientLabels> clients;

	SecurityLogRows(UserStore users, ObjectProvider<ClientLabels> clients) {
		this.users = users;
		this.clients = clients;
	}

	List<SecurityLogRow> of(List<AuditEntry> entries) {
		Map<Long, String> emails = new HashMap<>();
		ClientLabels labels = clients.getIfAvailable(() -> userAgent -> new ClientLabel(userAgent, null));
		return entries.stream().map(e -> new SecurityLogRow(e.occurredAt(), e.eventType().toLowerCase(Locale.ROOT),
				e.actorUserId(), email(e.actorUserId(), emails), e.subjectUserId(), email(e.subjectUserId(), emails),
				e.ip() == null ? null : IpLiteral.parse(e.ip()).orElse(e.ip()),
				e.userAgent() == null ? null : labels.label(e.userAgent()), details(e), e.details()))
			.toList();
	}

	/** The details as a bundle key with its numbers, when they are a code Gatehouse writes; else null. */
	static SecurityLogRow.Details details(AuditEntry entry) {
		if ("LOGIN_SUCCESS".equals(entry.eventType()) && entry.details() != null
				&& entry.details().startsWith(EXTERNAL_LOGIN)) {
			return new SecurityLogRow.Details("security-log.detail.external",
					entry.details().substring(EXTERNAL_LOGIN.length()));
		}
		String key = detailsKey(entry);
		if (key != null) {
			return new SecurityLogRow.Details(key);
		}
		return entry.details() == null ? null : counted(entry.eventType(), entry.details());
	}

	/** Details written in English by the actions themselves (the stored form and the API keep them). */
	private static SecurityLogRow.Details counted(String eventType, String details) {
		String phrase = PHRASES.get(eventType + ":" + details);
		if (phrase != null) {
			return new SecurityLogRow.Details(phrase);
		}
		for (CountedDetails counted : COUNTED) {
			Matcher counts = counted.pattern().matcher(details);
			if (counted.eventType().equals(eventType) && counts.matches()) {
				Object[] numbers = new Object[counts.groupCount()];
				for (int i = 0; i < numbers.length; i++) {
					numbers[i] = Long.valueOf(counts.group(i + 1));
				}
				return new SecurityLogRow.Details(counted.key(), numbers);
			}
		}
		return null;
	}

	private record CountedDetails(String eventType, Pattern pattern, String key) {
	}

	private String email(Long id, Map<Long, String> emails) {
		return id == null ? null
				: emails.computeIfAbsent(id, key -> users.findById(key).map(User::email).orElse("#" + key));
	}

	/**
	 * The details Gatehouse itself writes as codes: how a login succeeded, and why one failed (recorded
	 * as the refusal's class name, " (unknown login)" when no account has that login).
	 */
	private static String detailsKey(AuditEntry entry) {
		String details = entry.details();
		if (details == null) {
			return null;
		}
		if ("LOGIN_SUCCESS".equals(entry.eventType())) {
			return switch (details) {
				case "password" -> "security-log.detail.password";
				case "remember-me" -> "security-log.detail.remember-me";
				case "email-link" -> "security-log.detail.email-link";
				default -> null;
			};
		}
		if (!"LOGIN_FAILURE".equals(entry.eventType())) {
			return null;
		}
		if (details.startsWith("InvalidLoginCode") && !details.endsWith("(unknown login)")) {
			return "security-log.detail.wrong-code";
		}
		if (details.startsWith("InvalidLoginLink")) {
			return "security-log.detail.invalid-link";
		}
		if (details.endsWith("(unknown login)")) {
			return "security-log.detail.unknown-account";
		}
		if (details.startsWith("BadCredentials")) {
			return "security-log.detail.wrong-password";
		}
		if (details.startsWith("Locked")) {
			return "security-log.detail.locked";
		}
		if (details.startsWith("Disabled")) {
			return "security-log.detail.deactivated";
		}
		return "security-log.detail.refused";
	}
}
