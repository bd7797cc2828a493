package org.gatehouse.passwordless;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.gatehouse.account.AccountApiRequests.EmailAddress;
import org.gatehouse.account.AccountApiRequests.Message;
import org.gatehouse.account.AccountJson;
import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.LoginCompletion;
import org.gatehouse.account.LoginThrottledException;
import org.gatehouse.account.RevocableRememberMeServices;
import org.gatehouse.account.SecondStepJson;
import org.gatehouse.account.SessionLogin;
import org.gatehouse.account.UserStore;
import org.gatehouse.api.ApiController;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.http.LocalizedStatusException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Passwordless sign-in in JSON: ask for a link and code (the answer is the same for every address; the response's
 * cookie binds the code to this client), then sign in with the code. The rules are the pages' own.
 */
@ApiController
class PasswordlessApiController {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private final PasswordlessSignIn signIn;
	private final SessionLogin sessionLogin;
	private final UserStore users;
	private final GatehouseProperties properties;
	private final RevocableRememberMeServices rememberMe;
	private final RestCsrfTokens csrf;
	private final ObjectProvider<LoginCompletion> completion;

	PasswordlessApiController(PasswordlessSignIn signIn, SessionLogin sessionLogin, UserStore users,
			GatehouseProperties properties, RevocableRememberMeServices rememberMe, RestCsrfTokens csrf,
			ObjectProvider<LoginCompletion> completion) {
		this.completion = completion;
		this.signIn = signIn;
		this.sessionLogin = sessionLogin;
		this.users = users;
		this.properties = properties;
		this.rememberMe = rememberMe;
		this.csrf = csrf;
	}

	/** Same answer whether or not the address has an account; keep the cookie it sets for POST /api/login/code. */
	@PostMapping(path = "/api/login/link", consumes = JSON)
	public Message requestLink(@Valid @RequestBody EmailAddress body, HttpServletRequest request,
			HttpServletResponse response) {
		signIn.sendLink(body.email(), request, response);
		return new Message("If this address has an account, we sent it a sign-in link and code.");
	}

	/**
	 * The code from the mail, from the client that asked for it: 401 when it is wrong, expired or used, 429 when
	 * throttled; 202 with the second step when the account has a second factor (the code replaces only the password).
	 */
	@PostMapping(path = "/api/login/code", consumes = JSON)
	public ResponseEntity<?> signInWithCode(@Valid @RequestBody CodeSignIn body, HttpServletRequest request,
			HttpServletResponse response) {
		Authentication authenticated;
		try {
			authenticated = signIn.authenticate(body.email(), body.code(), request);
		}
		catch (LoginThrottledException throttled) {
			throw new LocalizedStatusException(HttpStatus.TOO_MANY_REQUESTS, "login.throttled");
		}
		catch (AuthenticationException refused) {
			throw new LocalizedStatusException(HttpStatus.UNAUTHORIZED, "login-link.code-refused");
		}
		boolean remember = Boolean.TRUE.equals(body.remember()) && properties.getRememberMe().isEnabled();
		LoginCompletion steps = completion.getIfAvailable(() -> LoginCompletion.NONE);
		if (steps.needsAnotherStep(authenticated)) {
			LoginCompletion.PendingStep step = steps.defer(authenticated, remember, null, request);
			csrf.renew(request, response);
			return ResponseEntity.accepted().body(SecondStepJson.of(step));
		}
		sessionLogin.login(authenticated, request, response);
		if (remember) {
			rememberMe.remember(request, response, authenticated);
		}
		csrf.renew(request, response);
		return ResponseEntity.ok(AccountJson.of(users.findById(((AccountPrincipal) authenticated.getPrincipal()).id()).orElseThrow()));
	}

	public record CodeSignIn(
			@NotBlank(message = "{account.email.required}") @Email(message = "{account.email.invalid}")
			@Size(max = 254, message = "{account.email.too-long}") String email,
			@NotBlank(message = "{login-link.code-required}") @Size(max = 16, message = "{login-link.code-refused}") String code,
			Boolean remember) {
	}
}
