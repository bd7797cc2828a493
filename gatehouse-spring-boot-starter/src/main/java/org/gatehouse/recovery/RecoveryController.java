package org.gatehouse.recovery;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.account.EmailForm;
import org.gatehouse.account.FeatureDisabledException;
import org.gatehouse.account.User;
import org.gatehouse.password.NewPasswordForm;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Password recovery pages (recoverable): request a link by email, then choose a new password. */
@Controller
public class RecoveryController {

	private final GatehouseProperties properties;
	private final PasswordRecovery recovery;

	public RecoveryController(GatehouseProperties properties, PasswordRecovery recovery) {
		this.properties = properties;
		this.recovery = recovery;
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
			HttpServletRequest request, Model model) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isRecoverable());
		if (errors.hasErrors()) {
			return properties.getTemplates().getForgotPassword();
		}
		recovery.sendResetLink(form.getEmail(), request);
		model.addAttribute("messageKey", "reset.sent");
		model.addAttribute("messageArg", form.getEmail());
		return properties.getTemplates().getMessage();
	}

	@GetMapping("${gatehouse.urls.reset:/lost-password/}{token}")
	public String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
		if (recovery.userFor(token).isEmpty()) {
			return invalid(model, response);
		}
		model.addAttribute("form", new NewPasswordForm());
		model.addAttribute("token", token);
		return properties.getTemplates().getResetPassword();
	}

	@PostMapping("${gatehouse.urls.reset:/lost-password/}{token}")
	public String reset(@PathVariable String token, @Valid @ModelAttribute("form") NewPasswordForm form,
			BindingResult errors, Model model, HttpServletResponse response) {
		Optional<User> found = recovery.userFor(token);
		if (found.isEmpty()) {
			return invalid(model, response);
		}
		if (!recovery.reset(found.get(), form, errors)) {
			model.addAttribute("token", token);
			return properties.getTemplates().getResetPassword();
		}
		model.addAttribute("messageKey", "reset.done");
		return properties.getTemplates().getMessage();
	}

	private String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("messageKey", "reset.invalid");
		return properties.getTemplates().getMessage();
	}
}
