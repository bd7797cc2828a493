package org.gatehouse.admin;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.password.NewPasswordForm;
import org.gatehouse.password.PasswordService;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The invited user sets a password; opening the mailed link also confirms the address. */
@Controller
public class InvitationController {

	private final UserStore users;
	private final InvitationLinks invitations;
	private final PasswordService passwords;
	private final ApplicationEventPublisher events;

	public InvitationController(UserStore users, InvitationLinks invitations, PasswordService passwords,
			ApplicationEventPublisher events) {
		this.users = users;
		this.invitations = invitations;
		this.passwords = passwords;
		this.events = events;
	}

	@GetMapping(InvitationLinks.PATH + "{token}")
	public String form(@PathVariable String token, Model model, HttpServletResponse response) {
		if (invitations.user(token, users).isEmpty()) {
			return invalid(model, response);
		}
		model.addAttribute("form", new NewPasswordForm());
		model.addAttribute("token", token);
		return "gatehouse/admin/accept_invitation";
	}

	@PostMapping(InvitationLinks.PATH + "{token}")
	public String accept(@PathVariable String token, @Valid @ModelAttribute("form") NewPasswordForm form,
			BindingResult errors, Model model, HttpServletResponse response) {
		Optional<User> found = invitations.user(token, users);
		if (found.isEmpty()) {
			return invalid(model, response);
		}
		User user = found.get();
		if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordConfirm())) {
			errors.rejectValue("passwordConfirm", "account.password-confirm.mismatch");
		}
		if (!errors.hasFieldErrors("password")) {
			passwords.problems(form.getPassword(), user.email(), user.username())
				.forEach(p -> errors.rejectValue("password", "account.password.policy", new Object[] { p }, p));
		}
		if (errors.hasErrors()) {
			model.addAttribute("token", token);
			return "gatehouse/admin/accept_invitation";
		}
		users.changePassword(user.id(), passwords.hashNew(form.getPassword()));
		users.confirm(user.id());
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.INVITATION_ACCEPTED, user.id(), null));
		model.addAttribute("messageKey", "invitation.done");
		return "gatehouse/message";
	}

	private static String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("messageKey", "invitation.invalid");
		return "gatehouse/message";
	}
}
