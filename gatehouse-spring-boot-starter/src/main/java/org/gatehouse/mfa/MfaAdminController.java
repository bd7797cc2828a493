package org.gatehouse.mfa;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.http.LocalizedStatusException;
import org.gatehouse.token.ApiTokenAuthentication;
import org.gatehouse.token.TokenScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator's reset of a user's second factors (a lost phone and no recovery code), from the admin user
 * page and the admin JSON API; the {@code users mfa-reset} command calls the same service. The administrator
 * confirms with their password and, when they have one, their own second factor; an admin-scoped personal access
 * token is the credential itself, as for every administrative action.
 */
@Controller
@PreAuthorize("hasRole('admin')")
class MfaAdminController {

	record Reauthentication(String password, String code) {
	}

	private final MfaAccount account;
	private final UserStore users;

	MfaAdminController(MfaAccount account, UserStore users) {
		this.account = account;
		this.users = users;
	}

	@PostMapping("/admin/users/{id}/mfa-reset")
	String resetPage(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, RedirectAttributes redirect) {
		User user = find(id);
		MfaAccount.Check check = account.reauthenticate(users.findById(admin.id()).orElseThrow(), password, code,
				request);
		if (check == MfaAccount.Check.OK) {
			account.reset(user.id(), admin.id());
		}
		redirect.addFlashAttribute("mfaNotice", check == MfaAccount.Check.OK ? "mfa.admin.reset-done"
				: "mfa.account.refused." + check.name().toLowerCase().replace('_', '-'));
		return "redirect:/admin/users/" + user.id();
	}

	@PostMapping(path = "/api/admin/users/{id}/mfa-reset", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Void> resetApi(@PathVariable String id, @RequestBody(required = false) Reauthentication body,
			HttpServletRequest request) {
		User user = find(id);
		Long adminId;
		if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication token
				&& token.scopes().contains(TokenScope.ADMIN)) {
			adminId = token.getPrincipal().id();
		}
		else {
			AccountPrincipal admin = (AccountPrincipal) SecurityContextHolder.getContext().getAuthentication()
				.getPrincipal();
			MfaAccount.Check check = account.reauthenticate(users.findById(admin.id()).orElseThrow(),
					body == null ? null : body.password(), body == null ? null : body.code(), request);
			if (check == MfaAccount.Check.LOCKED) {
				throw new LocalizedStatusException(HttpStatus.TOO_MANY_REQUESTS, "problem.mfa.locked");
			}
			if (check != MfaAccount.Check.OK) {
				throw new LocalizedStatusException(HttpStatus.FORBIDDEN, "problem.mfa.reauthentication-failed");
			}
			adminId = admin.id();
		}
		account.reset(user.id(), adminId);
		return ResponseEntity.noContent().build();
	}

	private User find(String id) {
		try {
			return users.findById(Long.parseLong(id))
				.orElseThrow(() -> new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.no-such-user"));
		}
		catch (NumberFormatException ex) {
			throw new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.no-such-user");
		}
	}
}
