package org.gatehouse.confirmation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.account.EmailForm;
import org.gatehouse.account.FeatureDisabledException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Email confirmation (confirmable): the link from the mail (a page whose button confirms), and a page to send it again. */
@Controller
public class ConfirmationController {

	private final GatehouseProperties properties;
	private final EmailConfirmation confirmation;

	public ConfirmationController(GatehouseProperties properties, EmailConfirmation confirmation) {
		this.properties = properties;
		this.confirmation = confirmation;
	}

	@GetMapping("${gatehouse.urls.confirm:/confirm/}")
	public String resendForm(Model model) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isConfirmable());
		model.addAttribute("form", new EmailForm());
		return properties.getTemplates().getSendConfirmation();
	}

	/** Same answer whether or not the address has an account, or is already confirmed. */
	@PostMapping("${gatehouse.urls.confirm:/confirm/}")
	public String resend(@Valid @ModelAttribute("form") EmailForm form, BindingResult errors,
			HttpServletRequest request, Model model) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isConfirmable());
		if (errors.hasErrors()) {
			return properties.getTemplates().getSendConfirmation();
		}
		confirmation.resend(form.getEmail(), request);
		model.addAttribute("messageKey", "confirm.sent");
		model.addAttribute("messageArg", form.getEmail());
		return properties.getTemplates().getMessage();
	}

	/**
	 * Only shows a button: mail scanners and link previews open links, so a GET must not
	 * confirm (an attacker who signed up with someone else's address would get it confirmed).
	 */
	@GetMapping("${gatehouse.urls.confirm:/confirm/}{token}")
	public String confirmForm(@PathVariable String token, Model model, HttpServletResponse response) {
		if (!confirmation.pending(token)) {
			return invalid(model, response);
		}
		model.addAttribute("token", token);
		return properties.getTemplates().getConfirmEmail();
	}

	@PostMapping("${gatehouse.urls.confirm:/confirm/}{token}")
	public String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		if (!confirmation.confirm(token)) {
			return invalid(model, response);
		}
		model.addAttribute("messageKey", "confirm.done");
		return properties.getTemplates().getMessage();
	}

	private String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("messageKey", "confirm.invalid");
		return properties.getTemplates().getMessage();
	}
}
