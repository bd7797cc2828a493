package org.gatehouse.account;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.throttle.PageRateLimits;
import org.gatehouse.mail.AccountMailer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Password recovery (recoverable): request a link by email, then choose a new password. */
@Controller
public class RecoveryController {

	private final GatehouseProperties properties;
	private final UserStore users;
	private final AccountLinks links;
	private final AccountMailer mailer;
	private final PasswordService passwords;
	private final CredentialRevocation revocation;
	private final PageRateLimits rateLimits;

	public RecoveryController(GatehouseProperties properties, UserStore users, AccountLinks links,
			AccountMailer mailer, PasswordService passwords, CredentialRevocation revocation,
			PageRateLimits rateLimits) {
		this.rateLimits = rateLimits;
		this.properties = properties;
		this.users = users;
		this.links = links;
		this.mailer = mailer;
		this.passwords = passwords;
		this.revocation = revocation;
	}

	@GetMapping("${gatehouse.urls.reset:/lost-password/}")
	public String requestForm(Model model) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isRecoverable());
		model.addAttribute("form", new EmailForm());
		return properties.getTemplates().getForgotPassword();
	}

	/** The answer is the same whether or not the address has an account. */
	@PostMapping("${gatehouse.urls.reset:/lost-password/}")
	public String request(@Valid @ModelAttribute("form") EmailForm form, BindingResult errors,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isRecoverable());
		if (errors.hasErrors()) {
			return properties.getTemplates().getForgotPassword();
		}
		Optional<Duration> retryAfter = rateLimits.recoveryMail(request, form.getEmail());
		if (retryAfter.isPresent()) {
			return rateLimits.tooManyRequests(retryAfter.get(), response, model);
		}
		users.findByEmail(form.getEmail()).filter(User::active).ifPresent(user -> {
			String link = links.absolute(request, properties.getUrls().getReset() + links.resetToken(user));
			mailer.send(user.email(), "reset", link);
		});
		model.addAttribute("messageKey", "reset.sent");
		model.addAttribute("messageArg", form.getEmail());
		return properties.getTemplates().getMessage();
	}

	@GetMapping("${gatehouse.urls.reset:/lost-password/}{token}")
	public String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isRecoverable());
		if (links.resetUser(token, users).isEmpty()) {
			return invalid(model, response);
		}
		model.addAttribute("form", new NewPasswordForm());
		model.addAttribute("token", token);
		return properties.getTemplates().getResetPassword();
	}

	@PostMapping("${gatehouse.urls.reset:/lost-password/}{token}")
	public String reset(@PathVariable String token, @Valid @ModelAttribute("form") NewPasswordForm form,
			BindingResult errors, Model model, HttpServletResponse response) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isRecoverable());
		Optional<User> found = links.resetUser(token, users);
		if (found.isEmpty()) {
			return invalid(model, response);
		}
		User user = found.get();
		PasswordChoice.check(form, errors, passwords, user);
		if (errors.hasErrors()) {
			model.addAttribute("token", token);
			return properties.getTemplates().getResetPassword();
		}
		users.changePassword(user.id(), passwords.hashNew(form.getPassword()));
		revocation.revokeAll(user.id(), null);
		mailer.send(user.email(), "password-reset-notice", null);
		model.addAttribute("messageKey", "reset.done");
		return properties.getTemplates().getMessage();
	}

	private String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("messageKey", "reset.invalid");
		return properties.getTemplates().getMessage();
	}
}
