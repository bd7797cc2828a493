package org.gatehouse.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.password.PasswordService;
import org.gatehouse.registration.RegistrationForm;
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

/** The first admin, created through the development setup link of {@link FirstAdminSetup}. */
@Controller
public class SetupController {

	private final FirstAdminSetup setup;
	private final UserStore users;
	private final PasswordService passwords;
	private final ApplicationEventPublisher events;

	public SetupController(FirstAdminSetup setup, UserStore users, PasswordService passwords,
			ApplicationEventPublisher events) {
		this.setup = setup;
		this.users = users;
		this.passwords = passwords;
		this.events = events;
	}

	@GetMapping(FirstAdminSetup.PATH + "{token}")
	public String form(@PathVariable String token, Model model, HttpServletResponse response) {
		if (!setup.isValid(token)) {
			return invalid(model, response);
		}
		model.addAttribute("form", new RegistrationForm());
		model.addAttribute("token", token);
		return "gatehouse/admin/setup";
	}

	@PostMapping(FirstAdminSetup.PATH + "{token}")
	public String create(@PathVariable String token, @Valid @ModelAttribute("form") RegistrationForm form,
			BindingResult errors, Model model, HttpServletResponse response) {
		if (!setup.isValid(token)) {
			return invalid(model, response);
		}
		if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordConfirm())) {
			errors.rejectValue("passwordConfirm", "account.password-confirm.mismatch");
		}
		if (!errors.hasFieldErrors("password")) {
			passwords.problems(form.getPassword(), form.getEmail(), form.getUsername())
				.forEach(p -> errors.rejectValue("password", "account.password.policy", new Object[] { p }, p));
		}
		if (!errors.hasFieldErrors("email") && users.emailTaken(form.getEmail())) {
			errors.rejectValue("email", "account.email.taken");
		}
		if (!errors.hasFieldErrors("username") && users.usernameTaken(form.getUsername())) {
			errors.rejectValue("username", "account.username.taken");
		}
		if (errors.hasErrors()) {
			model.addAttribute("token", token);
			return "gatehouse/admin/setup";
		}
		if (!setup.consume(token)) {
			return invalid(model, response);
		}
		long id = users.create(form.getEmail(), form.getUsername(), passwords.hashNew(form.getPassword()), true);
		users.addRole(id, "admin");
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.FIRST_ADMIN_CREATED, id, null));
		model.addAttribute("messageKey", "setup.done");
		model.addAttribute("messageArg", form.getEmail());
		return "gatehouse/message";
	}

	private static String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("messageKey", "setup.invalid");
		return "gatehouse/message";
	}
}
