package org.gatehouse.registration;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.account.FeatureDisabledException;
import org.gatehouse.account.RecaptchaVerifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-up (registerable): form, validation, reCAPTCHA, account creation and confirmation mail. */
@Controller
public class RegistrationController {

	private final GatehouseProperties properties;
	private final RecaptchaVerifier recaptcha;
	private final AccountRegistration registration;

	public RegistrationController(GatehouseProperties properties, RecaptchaVerifier recaptcha,
			AccountRegistration registration) {
		this.properties = properties;
		this.recaptcha = recaptcha;
		this.registration = registration;
	}

	@GetMapping("${gatehouse.urls.register:/signup/}")
	public String form(Model model) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isRegisterable());
		model.addAttribute("form", new RegistrationForm());
		return page(model);
	}

	@PostMapping("${gatehouse.urls.register:/signup/}")
	public String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors,
			@RequestParam(name = "g-recaptcha-response", required = false) String recaptchaToken,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<AccountRegistration.SignUp> signUp = registration.register(form, errors, recaptchaToken, request,
				response);
		if (signUp.isEmpty()) {
			return page(model);
		}
		if (properties.getFeatures().isReturnGenericResponses()) {
			model.addAttribute("messageKey", "register.done.generic");
			model.addAttribute("messageArg", form.getEmail().trim());
		}
		else {
			model.addAttribute("messageKey",
					properties.getFeatures().isConfirmable() ? "register.done.confirm" : "register.done");
			model.addAttribute("messageArg", signUp.get().user().email());
		}
		return properties.getTemplates().getMessage();
	}

	private String page(Model model) {
		model.addAttribute("recaptchaSiteKey", recaptcha.enabled() ? properties.getRecaptcha().getPublicKey() : null);
		return properties.getTemplates().getRegister();
	}
}
