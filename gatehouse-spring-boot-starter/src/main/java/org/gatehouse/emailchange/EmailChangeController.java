package org.gatehouse.emailchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The change-of-address page (signed in, with the password), and the two mailed links: each shows a
 * button and acts on POST only, since mail scanners and link previews open links.
 */
@Controller
class EmailChangeController {

	private static final String FORM_TEMPLATE = "gatehouse/change_email";

	private final GatehouseProperties properties;
	private final EmailChanges changes;
	private final UserStore users;

	EmailChangeController(GatehouseProperties properties, EmailChanges changes, UserStore users) {
		this.properties = properties;
		this.changes = changes;
		this.users = users;
	}

	@GetMapping(EmailChangePaths.FORM)
	public String form(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
		model.addAttribute("form", new ChangeEmailForm());
		return formPage(principal, model);
	}

	@PostMapping(EmailChangePaths.FORM)
	public String request(@AuthenticationPrincipal AccountPrincipal principal,
			@Valid @ModelAttribute("form") ChangeEmailForm form, BindingResult errors, HttpServletRequest request,
			Model model) {
		if (!changes.request(principal.id(), form, errors, request)) {
			return formPage(principal, model);
		}
		return message(model, "email-change.sent", form.getEmail().trim());
	}

	@GetMapping(EmailChangePaths.CONFIRM + "{token}")
	public String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
		return changes.confirmableAddress(token).map(address -> {
			model.addAttribute("token", token);
			model.addAttribute("newEmail", address);
			return "gatehouse/change_email_confirm";
		}).orElseGet(() -> invalid(model, response, "email-change.invalid"));
	}

	@PostMapping(EmailChangePaths.CONFIRM + "{token}")
	public String confirm(@PathVariable String token, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		return switch (changes.confirm(token, request)) {
			case CHANGED -> message(model, "email-change.done", null);
			case ADDRESS_TAKEN -> refused(model, response, HttpStatus.CONFLICT, "email-change.taken-meanwhile");
			case INVALID -> invalid(model, response, "email-change.invalid");
		};
	}

	@GetMapping(EmailChangePaths.REVERT + "{token}")
	public String revertPage(@PathVariable String token, Model model, HttpServletResponse response) {
		if (!changes.revertable(token)) {
			return invalid(model, response, "email-change.revert-invalid");
		}
		model.addAttribute("token", token);
		return "gatehouse/change_email_revert";
	}

	@PostMapping(EmailChangePaths.REVERT + "{token}")
	public String revert(@PathVariable String token, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		return switch (changes.revert(token, request)) {
			case RESTORED -> message(model, "email-change.reverted", null);
			case ADDRESS_TAKEN -> message(model, "email-change.reverted-not-restored", null);
			case INVALID -> invalid(model, response, "email-change.revert-invalid");
		};
	}

	private String formPage(AccountPrincipal principal, Model model) {
		model.addAttribute("currentEmail", users.findById(principal.id()).orElseThrow().email());
		model.addAttribute("codeRequired", changes.asksForCode(principal.id()));
		return FORM_TEMPLATE;
	}

	private String message(Model model, String key, String argument) {
		model.addAttribute("messageKey", key);
		model.addAttribute("messageArg", argument);
		return properties.getTemplates().getMessage();
	}

	private String invalid(Model model, HttpServletResponse response, String key) {
		return refused(model, response, HttpStatus.BAD_REQUEST, key);
	}

	private String refused(Model model, HttpServletResponse response, HttpStatus status, String key) {
		response.setStatus(status.value());
		return message(model, key, null);
	}
}
