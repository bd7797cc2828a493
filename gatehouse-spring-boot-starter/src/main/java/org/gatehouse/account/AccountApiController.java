package org.gatehouse.account;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.account.AccountApiRequests.ChangePassword;
import org.gatehouse.account.AccountApiRequests.EmailAddress;
import org.gatehouse.account.AccountApiRequests.Login;
import org.gatehouse.account.AccountApiRequests.Message;
import org.gatehouse.account.AccountApiRequests.Register;
import org.gatehouse.account.AccountApiRequests.ResetPassword;
import org.gatehouse.account.AccountApiRequests.Token;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.session.SessionCookies;
import org.gatehouse.api.ApiController;
import org.gatehouse.api.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The account life cycle in JSON, on Invenio-Accounts' REST paths. Every rule is the pages'
 * own, through the same services; only the answers differ.
 */
@ApiController
public class AccountApiController {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
	private static final Map<String, String> PASSWORD_FIELDS = Map.of("currentPassword", "password", "password",
			"new_password", "passwordConfirm", "new_password");
	private static final Map<String, String> PASSWORD_FIELDS_FOR_REGISTRATION = Map.of("passwordConfirm", "password");

	private final GatehouseProperties properties;
	private final UserStore users;
	private final PasswordLogin passwordLogin;
	private final SessionLogin sessionLogin;
	private final RevocableRememberMeServices rememberMe;
	private final AccountRegistration registration;
	private final EmailConfirmation confirmation;
	private final PasswordRecovery recovery;
	private final PasswordChange passwordChange;
	private final RestCsrfTokens csrf;

	public AccountApiController(GatehouseProperties properties, UserStore users,
			PasswordLogin passwordLogin, SessionLogin sessionLogin,
			RevocableRememberMeServices rememberMe, AccountRegistration registration, EmailConfirmation confirmation,
			PasswordRecovery recovery, PasswordChange passwordChange, RestCsrfTokens csrf) {
		this.properties = properties;
		this.users = users;
		this.passwordLogin = passwordLogin;
		this.sessionLogin = sessionLogin;
		this.rememberMe = rememberMe;
		this.registration = registration;
		this.confirmation = confirmation;
		this.recovery = recovery;
		this.passwordChange = passwordChange;
		this.csrf = csrf;
	}

	/**
	 * Unknown user, wrong password, inactive and locked account all answer 401 alike; unconfirmed (after a
	 * correct password) 403; a login with a control character 400.
	 */
	@PostMapping(path = "/api/login", consumes = JSON)
	public ResponseEntity<?> login(@Valid @RequestBody Login body, HttpServletRequest request,
			HttpServletResponse response) {
		Authentication authenticated;
		try {
			authenticated = passwordLogin.authenticate(body.login(), body.password(), request);
		}
		catch (UnconfirmedAccountException unconfirmed) {
			return problem(HttpStatus.FORBIDDEN, "Please confirm your email address first: we sent you a link.");
		}
		catch (MalformedLoginException malformed) {
			Errors errors = new MapBindingResult(new HashMap<>(), "login");
			errors.rejectValue(body.loginField(), "login.malformed");
			throw new InvalidRequestException(errors);
		}
		User user = users.findById(((AccountPrincipal) authenticated.getPrincipal()).id()).orElseThrow();
		sessionLogin.login(user, request, response);
		if (body.rememberMe() && properties.getRememberMe().isEnabled()) {
			rememberMe.remember(request, response, SecurityContextHolder.getContext().getAuthentication());
		}
		csrf.renew(request, response);
		return ResponseEntity.ok(AccountJson.of(users.findById(user.id()).orElseThrow()));
	}

	/** Ends the session and this browser's remember-me login. Token requests are refused by the security chain. */
	@PostMapping("/api/logout")
	public ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		rememberMe.logout(request, response, current);
		new SecurityContextLogoutHandler().logout(request, response, current);
		new CookieClearingLogoutHandler(SessionCookies.name(properties)).logout(request, response, current);
		csrf.clear(request, response);
		response.setHeader("Clear-Site-Data", "\"cookies\", \"storage\"");
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/api/me", produces = JSON)
	public AccountJson me(@AuthenticationPrincipal AccountPrincipal principal, HttpServletRequest request) {
		csrf.current(request);
		return AccountJson.of(users.findById(principal.id()).orElseThrow());
	}

	/**
	 * 202 with the same message whether or not the address or username was taken (generic
	 * responses, the default); else 201 with the new account, or 400 naming the taken field.
	 */
	@PostMapping(path = "/api/register", consumes = JSON)
	public ResponseEntity<?> register(@Valid @RequestBody Register body, HttpServletRequest request,
			HttpServletResponse response) {
		RegistrationForm form = new RegistrationForm();
		form.setEmail(body.email());
		form.setUsername(body.username());
		form.setPassword(body.password());
		form.setPasswordConfirm(body.password());
		Errors errors = new BeanPropertyBindingResult(form, "form");
		AccountRegistration.SignUp signUp = registration.register(form, errors, body.recaptchaResponse(), request,
				response).orElseThrow(() -> new InvalidRequestException(errors, PASSWORD_FIELDS_FOR_REGISTRATION));
		if (properties.getFeatures().isReturnGenericResponses()) {
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Message(
					"We sent a mail to this address with the next step: a link to confirm it, or to log in if it already has an account."));
		}
		User user = signUp.user();
		if (request.getSession(false) != null) {
			csrf.renew(request, response);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(AccountJson.of(users.findById(user.id()).orElseThrow()));
	}

	/** Same answer whether or not the address has an account, or is already confirmed. */
	@PostMapping(path = "/api/send-confirmation-email", consumes = JSON)
	public Message sendConfirmation(@Valid @RequestBody EmailAddress body, HttpServletRequest request) {
		confirmation.resend(body.email(), request);
		return new Message("If this address has an account that is not yet confirmed, we sent it a new link.");
	}

	@PostMapping(path = "/api/confirm-email", consumes = JSON)
	public ResponseEntity<?> confirm(@Valid @RequestBody Token body) {
		if (!confirmation.confirm(body.token())) {
			return problem(HttpStatus.BAD_REQUEST, "This confirmation link is invalid, expired or already used.");
		}
		return ResponseEntity.ok(new Message("Email address confirmed."));
	}

	/** Same answer whether or not the address has an account. */
	@PostMapping(path = "/api/forgot-password", consumes = JSON)
	public Message forgotPassword(@Valid @RequestBody EmailAddress body, HttpServletRequest request) {
		recovery.sendResetLink(body.email(), request);
		return new Message("If this address has an account, we sent it a link to choose a new password.");
	}

	@PostMapping(path = "/api/reset-password", consumes = JSON)
	public ResponseEntity<?> resetPassword(@Valid @RequestBody ResetPassword body) {
		User user = recovery.userFor(body.token()).orElse(null);
		if (user == null) {
			return problem(HttpStatus.BAD_REQUEST, "This reset link is invalid, expired or already used.");
		}
		NewPasswordForm form = newPassword(null, body.password());
		Errors errors = new BeanPropertyBindingResult(form, "form");
		if (!recovery.reset(user, form, errors)) {
			throw new InvalidRequestException(errors, Map.of("passwordConfirm", "password"));
		}
		return ResponseEntity.ok(new Message("Password changed; every session was signed out."));
	}

	@PostMapping(path = "/api/change-password", consumes = JSON)
	public Message changePassword(@AuthenticationPrincipal AccountPrincipal principal,
			@Valid @RequestBody ChangePassword body, HttpServletRequest request, HttpServletResponse response) {
		NewPasswordForm form = newPassword(body.password(), body.newPassword());
		Errors errors = new BeanPropertyBindingResult(form, "form");
		if (!passwordChange.change(principal.id(), form, errors, request)) {
			throw new InvalidRequestException(errors, PASSWORD_FIELDS);
		}
		csrf.renew(request, response);
		return new Message("Password changed; your other sessions were signed out.");
	}

	private static NewPasswordForm newPassword(String current, String chosen) {
		NewPasswordForm form = new NewPasswordForm();
		form.setCurrentPassword(current);
		form.setPassword(chosen);
		form.setPasswordConfirm(chosen);
		return form;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
