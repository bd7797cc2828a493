package org.gatehouse.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.throttle.PageRateLimits;
import org.springframework.dao.DuplicateKeyException;
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
	private final UserStore users;
	private final PasswordService passwords;
	private final RecaptchaVerifier recaptcha;
	private final ConfirmationMails confirmations;
	private final SessionLogin sessionLogin;
	private final PageRateLimits rateLimits;

	public RegistrationController(GatehouseProperties properties, UserStore users, PasswordService passwords,
			RecaptchaVerifier recaptcha, ConfirmationMails confirmations, SessionLogin sessionLogin,
			PageRateLimits rateLimits) {
		this.rateLimits = rateLimits;
		this.properties = properties;
		this.users = users;
		this.passwords = passwords;
		this.recaptcha = recaptcha;
		this.confirmations = confirmations;
		this.sessionLogin = sessionLogin;
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
		FeatureDisabledException.requireEnabled(properties.getFeatures().isRegisterable());
		checkUsername(form, errors);
		if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordConfirm())) {
			errors.rejectValue("passwordConfirm", "account.password-confirm.mismatch");
		}
		if (!errors.hasFieldErrors("password")) {
			List<String> problems = passwords.problems(form.getPassword(), form.getEmail(), form.getUsername());
			problems.forEach(p -> errors.rejectValue("password", "account.password.policy", new Object[] { p }, p));
		}
		if (!errors.hasFieldErrors("email") && users.emailTaken(form.getEmail())) {
			errors.rejectValue("email", "account.email.taken");
		}
		if (!errors.hasFieldErrors("username") && users.usernameTaken(form.getUsername())) {
			errors.rejectValue("username", "account.username.taken");
		}
		if (recaptcha.enabled() && !errors.hasErrors() && !recaptcha.verify(recaptchaToken, request.getRemoteAddr())) {
			errors.reject("account.recaptcha.failed");
		}
		if (errors.hasErrors()) {
			return page(model);
		}
		Optional<Duration> retryAfter = rateLimits.registration(request);
		if (retryAfter.isPresent()) {
			return rateLimits.tooManyRequests(retryAfter.get(), response, model);
		}
		boolean confirmable = properties.getFeatures().isConfirmable();
		long id;
		try {
			id = users.create(form.getEmail(), form.getUsername(), passwords.hashNew(form.getPassword()), !confirmable);
		}
		catch (DuplicateKeyException raceLost) {
			errors.rejectValue("email", "account.email.taken");
			return page(model);
		}
		User user = users.findById(id).orElseThrow();
		if (confirmable) {
			confirmations.send(user, request);
		}
		if (!confirmable || properties.getFeatures().isLoginWithoutConfirmation()) {
			sessionLogin.login(user, request, response);
		}
		model.addAttribute("messageKey", confirmable ? "register.done.confirm" : "register.done");
		model.addAttribute("messageArg", user.email());
		return properties.getTemplates().getMessage();
	}

	private void checkUsername(RegistrationForm form, BindingResult errors) {
		String username = form.getUsername();
		if (username == null || username.isEmpty() || errors.hasFieldErrors("username")) {
			form.setUsername(username == null || username.isEmpty() ? null : username);
			return;
		}
		GatehouseProperties.Accounts limits = properties.getAccounts();
		if (username.length() < limits.getUsernameMinLength() || username.length() > limits.getUsernameMaxLength()) {
			errors.rejectValue("username", "account.username.length",
					new Object[] { limits.getUsernameMinLength(), limits.getUsernameMaxLength() }, null);
		}
	}

	private String page(Model model) {
		model.addAttribute("recaptchaSiteKey", recaptcha.enabled() ? properties.getRecaptcha().getPublicKey() : null);
		return properties.getTemplates().getRegister();
	}
}
