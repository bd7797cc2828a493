package org.gatehouse.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.Reauthentication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin confirms their password before actions that grant or take access; the session gets a new id. */
@Controller
public class ReauthenticationController {

	private final Reauthentication reauthentication;

	public ReauthenticationController(Reauthentication reauthentication) {
		this.reauthentication = reauthentication;
	}

	@GetMapping(AdminPaths.REAUTH)
	public String form(@RequestParam(required = false) String next, Model model) {
		model.addAttribute("next", safeNext(next));
		return "gatehouse/admin/reauth";
	}

	@PostMapping(AdminPaths.REAUTH)
	public String confirm(@AuthenticationPrincipal AccountPrincipal admin, @RequestParam(required = false) String password,
			@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (!reauthentication.confirm(admin.id(), password, request)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("next", safeNext(next));
			model.addAttribute("wrongPassword", true);
			return "gatehouse/admin/reauth";
		}
		return "redirect:" + safeNext(next);
	}

	private static String safeNext(String next) {
		return AdminPaths.isAdminPage(next) ? next : AdminPaths.USERS;
	}
}
