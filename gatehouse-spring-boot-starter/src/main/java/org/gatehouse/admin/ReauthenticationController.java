package org.gatehouse.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.PasswordService;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin confirms their password before destructive actions. */
@Controller
public class ReauthenticationController {

	private final UserStore users;
	private final PasswordService passwords;
	private final Reauthentication reauthentication;
	private final ApplicationEventPublisher events;

	public ReauthenticationController(UserStore users, PasswordService passwords, Reauthentication reauthentication,
			ApplicationEventPublisher events) {
		this.users = users;
		this.passwords = passwords;
		this.reauthentication = reauthentication;
		this.events = events;
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
		User user = users.findById(admin.id()).orElseThrow();
		if (user.passwordHash() == null || !passwords.verify(password, user.passwordHash()).matches()) {
			events.publishEvent(SecurityEvent.byUser(SecurityEventType.REAUTHENTICATION_FAILED, admin.id(), null));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("next", safeNext(next));
			model.addAttribute("wrongPassword", true);
			return "gatehouse/admin/reauth";
		}
		reauthentication.markNow(request.getSession());
		return "redirect:" + safeNext(next);
	}

	private static String safeNext(String next) {
		return AdminPaths.isAdminPage(next) ? next : AdminPaths.USERS;
	}
}
