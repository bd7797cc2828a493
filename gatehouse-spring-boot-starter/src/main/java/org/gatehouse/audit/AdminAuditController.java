package org.gatehouse.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.web.CalendarDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators read the whole security log, filtered by event type, user and date (UTC days).
 * Every parameter is bounded where it is bound: out of range is a 400, not an overflow further in.
 */
@Controller
@PreAuthorize("hasRole('admin')")
public class AdminAuditController {

	static final int PAGE_SIZE = 100;

	private final AuditLog auditLog;
	private final UserStore users;

	private final SecurityLogRows rows;

	AdminAuditController(AuditLog auditLog, UserStore users, SecurityLogRows rows) {
		this.auditLog = auditLog;
		this.users = users;
		this.rows = rows;
	}

	/** @param user a user id, email or username */
	@GetMapping("/admin/audit/")
	public String list(@RequestParam(required = false) SecurityEventType type,
			@RequestParam(required = false) @Size(max = 320) String user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @CalendarDate LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @CalendarDate LocalDate to,
			@RequestParam(required = false) @Positive Long before, Model model) {
		model.addAttribute("types", Arrays.asList(SecurityEventType.values()));
		model.addAttribute("type", type);
		model.addAttribute("user", user);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		Long userId = null;
		if (user != null && !user.isBlank()) {
			userId = resolve(user.strip());
			if (userId == null) {
				AuditPage.addTo(model, List.of(), PAGE_SIZE, rows);
				return "gatehouse/admin/audit";
			}
		}
		AuditQuery query = new AuditQuery(type, userId, from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
				to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), before);
		AuditPage.addTo(model, auditLog.search(query, PAGE_SIZE + 1), PAGE_SIZE, rows);
		return "gatehouse/admin/audit";
	}

	private Long resolve(String user) {
		if (user.matches("\\d{1,18}")) {
			return Long.parseLong(user);
		}
		return users.findByLogin(user).map(User::id).orElse(null);
	}
}
