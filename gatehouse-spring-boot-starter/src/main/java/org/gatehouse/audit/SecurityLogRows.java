package org.gatehouse.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.http.IpLiteral;
import org.springframework.beans.factory.ObjectProvider;

/** Turns stored entries into rows for the security log pages (the stored form and the API stay as they are). */
class SecurityLogRows {

	private final UserStore users;
	private final ObjectProvider<ClientLabels> clients;

	SecurityLogRows(UserStore users, ObjectProvider<ClientLabels> clients) {
		this.users = users;
		this.clients = clients;
	}

	List<SecurityLogRow> of(List<AuditEntry> entries) {
		Map<Long, String> emails = new HashMap<>();
		ClientLabels labels = clients.getIfAvailable(() -> userAgent -> userAgent);
		return entries.stream().map(e -> new SecurityLogRow(e.occurredAt(), e.eventType().toLowerCase(Locale.ROOT),
				e.actorUserId(), email(e.actorUserId(), emails), e.subjectUserId(), email(e.subjectUserId(), emails),
				e.ip() == null ? null : IpLiteral.parse(e.ip()).orElse(e.ip()),
				e.userAgent() == null ? null : labels.label(e.userAgent()), detailsKey(e), e.details()))
			.toList();
	}

	private String email(Long id, Map<Long, String> emails) {
		return id == null ? null
				: emails.computeIfAbsent(id, key -> users.findById(key).map(User::email).orElse("#" + key));
	}

	/**
	 * The details Gatehouse itself writes as codes: how a login succeeded, and why one failed (recorded
	 * as the refusal's class name, " (unknown login)" when no account has that login).
	 */
	static String detailsKey(AuditEntry entry) {
		String details = entry.details();
		if (details == null) {
			return null;
		}
		if ("LOGIN_SUCCESS".equals(entry.eventType())) {
			return switch (details) {
				case "password" -> "security-log.detail.password";
				case "remember-me" -> "security-log.detail.remember-me";
				default -> null;
			};
		}
		if (!"LOGIN_FAILURE".equals(entry.eventType())) {
			return null;
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
