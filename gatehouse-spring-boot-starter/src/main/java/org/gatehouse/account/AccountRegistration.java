package org.gatehouse.account;

import org.gatehouse.throttle.PageRateLimits;
import org.gatehouse.throttle.TooManyRequestsException;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/**
 * The sign-up rules shared by the page and the JSON API: username length, password
 * confirmation and policy, unique email and username, reCAPTCHA, then the account,
 * its confirmation mail and (when allowed) a session login.
 */
@Service
public class AccountRegistration {

	private final GatehouseProperties properties;
	private final UserStore users;
	private final PasswordService passwords;
	private final RecaptchaVerifier recaptcha;
	private final ConfirmationMails confirmations;
	private final SessionLogin sessionLogin;
	private final ApplicationEventPublisher events;
	private final PageRateLimits rateLimits;

	public AccountRegistration(GatehouseProperties properties, UserStore users, PasswordService passwords,
			RecaptchaVerifier recaptcha, ConfirmationMails confirmations, SessionLogin sessionLogin,
			ApplicationEventPublisher events, PageRateLimits rateLimits) {
		this.properties = properties;
		this.users = users;
		this.passwords = passwords;
		this.recaptcha = recaptcha;
		this.confirmations = confirmations;
		this.sessionLogin = sessionLogin;
		this.events = events;
		this.rateLimits = rateLimits;
	}

	/** The new user, or empty with the reasons in {@code errors} (which may already hold bean-validation errors). */
	public Optional<User> register(RegistrationForm form, Errors errors, String recaptchaToken,
			HttpServletRequest request, HttpServletResponse response) {
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
			return Optional.empty();
		}
		rateLimits.registration(request).ifPresent(retryAfter -> {
			throw new TooManyRequestsException(retryAfter);
		});
		boolean confirmable = properties.getFeatures().isConfirmable();
		long id;
		try {
			id = users.create(form.getEmail(), form.getUsername(), passwords.hashNew(form.getPassword()), !confirmable);
		}
		catch (DuplicateKeyException raceLost) {
			errors.rejectValue("email", "account.email.taken");
			return Optional.empty();
		}
		User user = users.findById(id).orElseThrow();
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.REGISTRATION, id, null));
		if (confirmable) {
			confirmations.send(user, request);
		}
		if (!confirmable || properties.getFeatures().isLoginWithoutConfirmation()) {
			sessionLogin.login(user, request, response);
		}
		return Optional.of(user);
	}

	private void checkUsername(RegistrationForm form, Errors errors) {
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
}
