package org.gatehouse.account;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.throttle.PageRateLimits;
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
	private final PageRateLimits rateLimits;

	public ConfirmationController(GatehouseProperties properties, UserStore users, AccountLinks links,
			ConfirmationMails mails, PageRateLimits rateLimits) {
		this.rateLimits = rateLimits;
		this.properties = properties;
		this.users = users;
		this.links = links;
		this.mails = mails;
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
			HttpServletRequest request, HttpServletResponse response, Model model) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isConfirmable());
		if (errors.hasErrors()) {
			return properties.getTemplates().getSendConfirmation();
		}
		Optional<Duration> retryAfter = rateLimits.confirmationMail(request, form.getEmail());
		if (retryAfter.isPresent()) {
			return rateLimits.tooManyRequests(retryAfter.get(), response, model);
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
		boolean confirmed = links.confirmationUser(token, users).map(users::confirm).orElse(false);
		if (!confirmed) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("messageKey", "confirm.invalid");
			return properties.getTemplates().getMessage();
		}
		model.addAttribute("messageKey", "confirm.done");
		return properties.getTemplates().getMessage();
	}
}
