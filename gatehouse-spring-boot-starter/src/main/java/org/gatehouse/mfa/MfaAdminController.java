package org.gatehouse.mfa;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.http.LocalizedStatusException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator's reset of a user's second factors (a lost phone and no recovery code), from the admin user
 * page; the admin JSON API ({@link MfaApiController}) and the {@code users mfa-reset} command call the same service. The administrator
 * confirms with their password and, when they have one, their own second factor; an admin-scoped personal access
 * token is the credential itself, as for every administrative action.
 */
@Controller
@PreAuthorize("hasRole('admin')")
public class MfaAdminController {

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
		User user = find(users, id);
		MfaAccount.Check check = account.reauthenticate(users.findById(admin.id()).orElseThrow(), password, code,
				request);
		if (check == MfaAccount.Check.OK) {
			account.reset(user.id(), admin.id());
		}
		redirect.addFlashAttribute("mfaNotice", check == MfaAccount.Check.OK ? "mfa.admin.reset-done"
				: "mfa.account.refused." + check.name().toLowerCase().replace('_', '-'));
		return "redirect:/admin/users/" + user.id();
	}

	static User find(UserStore users, String id) {
		try {
			return users.findById(Long.parseLong(id))
				.orElseThrow(() -> new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.no-such-user"));
		}
		catch (NumberFormatException ex) {
			throw new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.no-such-user");
		}
	}
}
