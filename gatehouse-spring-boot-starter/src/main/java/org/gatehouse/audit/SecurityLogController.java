package org.gatehouse.audit;

import java.util.List;

import jakarta.validation.constraints.Positive;

import org.gatehouse.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's own security log: the entries about their account, newest first. */
@Controller
public class SecurityLogController {

	static final String PATH = "/account/security-log/";
	static final int PAGE_SIZE = 50;

	private final AuditLog auditLog;

	private final SecurityLogRows rows;

	SecurityLogController(AuditLog auditLog, SecurityLogRows rows) {
		this.auditLog = auditLog;
		this.rows = rows;
	}

	@GetMapping(PATH)
	public String list(@AuthenticationPrincipal AccountPrincipal principal,
			@RequestParam(required = false) @Positive Long before, Model model) {
		List<AuditEntry> entries = auditLog.aboutUser(principal.id(), before, PAGE_SIZE + 1);
		AuditPage.addTo(model, entries, PAGE_SIZE, rows);
		return "gatehouse/security_log";
	}
}
