package org.gatehouse.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Email confirmation (confirmable): the link from the mail, and a page to send it again. */
@Controller
public class ConfirmationController {

	private final GatehouseProperties properties;
	private final UserStore users;
	private final AccountLinks links;
	private final ConfirmationMails mails;
	private final ApplicationEventPublisher events;

	public ConfirmationController(GatehouseProperties properties, UserStore users, AccountLinks links,
			ConfirmationMails mails, ApplicationEventPublisher events) {
		this.properties = properties;
		this.users = users;
		this.links = links;
		this.mails = mails;
		this.events = events;
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
		users.findByEmail(form.getEmail()).filter(u -> !u.confirmed() && u.active())
			.ifPresent(u -> mails.send(u, request));
		model.addAttribute("messageKey", "confirm.sent");
		model.addAttribute("messageArg", form.getEmail());
		return properties.getTemplates().getMessage();
	}

	@GetMapping("${gatehouse.urls.confirm:/confirm/}{token}")
	public String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isConfirmable());
		java.util.Optional<Long> userId = links.confirmationUser(token, users);
		boolean confirmed = userId.map(users::confirm).orElse(false);
		if (!confirmed) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("messageKey", "confirm.invalid");
			return properties.getTemplates().getMessage();
		}
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.CONFIRMATION, userId.get(), null));
		model.addAttribute("messageKey", "confirm.done");
		return properties.getTemplates().getMessage();
	}
}
