package org.gatehouse.registration;

import org.gatehouse.throttle.PageRateLimits;
import org.gatehouse.http.TooManyRequestsException;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.account.RecaptchaVerifier;
import org.gatehouse.account.SessionLogin;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.confirmation.ConfirmationMails;
import org.gatehouse.password.PasswordService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.validation.Errors;

/**
 * The sign-up rules shared by the page and the JSON API: username length, password
 * confirmation and policy, reCAPTCHA, the rate limits of attempts, unique email and username,
 * then the account, its confirmation mail and (when allowed) a session login. With generic
 * responses (the default) a taken email or username is told by mail to the address, never
 * in the answer.
 */
class AccountRegistration {

	private final GatehouseProperties properties;
	private final AccountsProperties accounts;
	private final UserStore users;
	private final PasswordService passwords;
	private final RecaptchaVerifier recaptcha;
	private final ConfirmationMails confirmations;
	private final SessionLogin sessionLogin;
	private final ApplicationEventPublisher events;
	private final PageRateLimits rateLimits;
	private final SignUpMails signUpMails;

	public AccountRegistration(GatehouseProperties properties, AccountsProperties accounts, UserStore users, PasswordService passwords,
			RecaptchaVerifier recaptcha, ConfirmationMails confirmations, SessionLogin sessionLogin,
			ApplicationEventPublisher events, PageRateLimits rateLimits, SignUpMails signUpMails) {
		this.properties = properties;
		this.accounts = accounts;
		this.users = users;
		this.passwords = passwords;
		this.recaptcha = recaptcha;
		this.confirmations = confirmations;
		this.sessionLogin = sessionLogin;
		this.events = events;
		this.rateLimits = rateLimits;
		this.signUpMails = signUpMails;
	}

	/**
	 * What a valid sign-up led to. With generic responses callers answer the same whatever it
	 * is; {@code user} is then null when the address or username was taken.
	 */
	public record SignUp(User user) {
	}

	/**
	 * The sign-up, or empty with the reasons in {@code errors} (which may already hold
	 * bean-validation errors). Whether the address or username is taken is looked at only for
	 * a request that is otherwise valid and counted by the rate limits, so every answer that
	 * could tell it costs an attempt.
	 */
	public Optional<SignUp> register(RegistrationForm form, Errors errors, String recaptchaToken,
			HttpServletRequest request, HttpServletResponse response) {
		checkUsername(form, errors);
		if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordConfirm())) {
			errors.rejectValue("passwordConfirm", "account.password-confirm.mismatch");
		}
		if (!errors.hasFieldErrors("password")) {
			List<String> problems = passwords.problems(form.getPassword(), form.getEmail(), form.getUsername());
			problems.forEach(p -> errors.rejectValue("password", "account.password.policy", new Object[] { p }, p));
		}
		if (recaptcha.enabled() && !errors.hasErrors() && !recaptcha.verify(recaptchaToken, request.getRemoteAddr())) {
			errors.reject("account.recaptcha.failed");
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		rateLimits.registration(request, form.getEmail()).ifPresent(retryAfter -> {
			throw new TooManyRequestsException(retryAfter);
		});
		// hashed before the uniqueness checks: a taken address costs the time of a new one
		String passwordHash = passwords.hashNew(form.getPassword());
		if (taken(form, errors, request)) {
			return refused(errors);
		}
		boolean confirmable = properties.getFeatures().isConfirmable();
		long id;
		try {
			id = users.create(form.getEmail(), form.getUsername(), passwordHash, !confirmable);
		}
		catch (DuplicateKeyException raceLost) {
			if (!taken(form, errors, request) && !generic()) {
				errors.rejectValue("email", "account.email.taken");
			}
			return refused(errors);
		}
		User user = users.findById(id).orElseThrow();
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.REGISTRATION, id, null));
		if (confirmable) {
			confirmations.send(user, request);
		}
		else if (generic()) {
			signUpMails.welcome(user, request);
		}
		if (!generic() && (!confirmable || properties.getFeatures().isLoginWithoutConfirmation())) {
			sessionLogin.login(user, request, response);
		}
		return Optional.of(new SignUp(user));
	}

	/**
	 * Whether the address or the username is taken. Then, with generic responses, the address
	 * gets a mail saying so; without them, errors get the reason.
	 */
	private boolean taken(RegistrationForm form, Errors errors, HttpServletRequest request) {
		Optional<User> owner = users.findByEmail(form.getEmail());
		if (owner.isEmpty() && !users.usernameTaken(form.getUsername())) {
			return false;
		}
		if (!generic()) {
			errors.rejectValue(owner.isPresent() ? "email" : "username",
					owner.isPresent() ? "account.email.taken" : "account.username.taken");
		}
		else if (owner.isPresent()) {
			signUpMails.addressTaken(owner.get(), request);
		}
		else {
			signUpMails.usernameTaken(form.getEmail().trim(), request);
		}
		return true;
	}

	/** Without generic responses the reason is in errors; with them, a sign-up that created nothing. */
	private static Optional<SignUp> refused(Errors errors) {
		return errors.hasErrors() ? Optional.empty() : Optional.of(new SignUp(null));
	}

	private boolean generic() {
		return properties.getFeatures().isReturnGenericResponses();
	}

	private void checkUsername(RegistrationForm form, Errors errors) {
		String username = form.getUsername();
		if (username == null || username.isEmpty() || errors.hasFieldErrors("username")) {
			form.setUsername(username == null || username.isEmpty() ? null : username);
			return;
		}
		AccountsProperties limits = accounts;
		if (username.length() < limits.getUsernameMinLength() || username.length() > limits.getUsernameMaxLength()) {
			errors.rejectValue("username", "account.username.length",
					new Object[] { limits.getUsernameMinLength(), limits.getUsernameMaxLength() }, null);
		}
	}
}
