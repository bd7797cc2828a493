package org.gatehouse.account;

import org.gatehouse.http.LocalizedStatusException;
import java.util.HashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.account.AccountApiRequests.Login;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.http.SessionCookies;
import org.gatehouse.api.ApiController;
import org.gatehouse.api.InvalidRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Login, logout and the current account in JSON, on Invenio-Accounts' REST paths. The other
 * features answer on the same paths from their own packages (registration, confirmation,
 * recovery, password); every rule is the pages' own, through the same services.
 */
@ApiController
class AccountApiController {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private final GatehouseProperties properties;
	private final UserStore users;
	private final PasswordLogin passwordLogin;
	private final SessionLogin sessionLogin;
	private final RevocableRememberMeServices rememberMe;
	private final RestCsrfTokens csrf;
	private final LoginCompletion completion;

	public AccountApiController(GatehouseProperties properties, UserStore users,
			PasswordLogin passwordLogin, SessionLogin sessionLogin,
			RevocableRememberMeServices rememberMe, RestCsrfTokens csrf, ObjectProvider<LoginCompletion> completion) {
		this.completion = completion.getIfAvailable(() -> LoginCompletion.NONE);
		this.properties = properties;
		this.users = users;
		this.passwordLogin = passwordLogin;
		this.sessionLogin = sessionLogin;
		this.rememberMe = rememberMe;
		this.csrf = csrf;
	}

	/**
	 * Unknown user, wrong password, inactive and locked account all answer 401 alike; unconfirmed (after a
	 * correct password) 403; a login with a control character 400. An account that needs another step (a
	 * second factor, or enrolling one) gets 202 with that step: the session is not signed in until it is done.
	 */
	@PostMapping(path = "/api/login", consumes = JSON)
	public ResponseEntity<?> login(@Valid @RequestBody Login body, HttpServletRequest request,
			HttpServletResponse response) {
		Authentication authenticated;
		try {
			authenticated = passwordLogin.authenticate(body.login(), body.password(), request);
		}
		catch (UnconfirmedAccountException unconfirmed) {
			throw new LocalizedStatusException(HttpStatus.FORBIDDEN, "problem.confirm-email-first");
		}
		catch (MalformedLoginException malformed) {
			Errors errors = new MapBindingResult(new HashMap<>(), "login");
			errors.rejectValue(body.loginField(), "login.malformed");
			throw new InvalidRequestException(errors);
		}
		if (completion.needsAnotherStep(authenticated)) {
			LoginCompletion.PendingStep step = completion.defer(authenticated,
					body.rememberMe() && properties.getRememberMe().isEnabled(), null, request);
			csrf.renew(request, response);
			return ResponseEntity.accepted().body(SecondStepJson.of(step));
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

}
