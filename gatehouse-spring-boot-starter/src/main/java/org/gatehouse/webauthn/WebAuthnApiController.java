package org.gatehouse.webauthn;

import java.util.HashMap;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.Reauthentication;
import org.gatehouse.api.ApiController;
import org.gatehouse.api.InvalidRequestException;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.http.LocalizedStatusException;
import org.gatehouse.http.SafeRedirects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Security keys and passkeys in JSON: the signed-in user's list, registration, renaming and
 * removal, and the passwordless sign-in. Another user's key id answers 404 as an unknown one does.
 * The options endpoints answer the WebAuthn options in the browser API's JSON form (bytes in base64url).
 */
@ApiController
class WebAuthnApiController {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
	static final String CREDENTIALS = "/api/webauthn/credentials";

	private final SecurityKeys keys;
	private final PasskeySignIn passkeys;
	private final Reauthentication reauthentication;
	private final RestCsrfTokens csrf;
	private final SafeRedirects redirects;
	private final GatehouseProperties properties;

	WebAuthnApiController(SecurityKeys keys, PasskeySignIn passkeys, Reauthentication reauthentication,
			RestCsrfTokens csrf, SafeRedirects redirects, GatehouseProperties properties) {
		this.keys = keys;
		this.passkeys = passkeys;
		this.reauthentication = reauthentication;
		this.csrf = csrf;
		this.redirects = redirects;
		this.properties = properties;
	}

	@GetMapping(path = CREDENTIALS, produces = JSON)
	public List<WebAuthnApiJson.Key> list(@AuthenticationPrincipal AccountPrincipal principal) {
		return keys.list(principal.id()).stream().map(WebAuthnApiJson.Key::of).toList();
	}

	/** Step one of adding a key: options for navigator.credentials.create. Needs a recent password. */
	@PostMapping(path = "/api/webauthn/registration/options", produces = JSON)
	public ResponseEntity<String> registrationOptions(@AuthenticationPrincipal AccountPrincipal principal,
			@RequestBody(required = false) WebAuthnApiJson.Password body, HttpServletRequest request,
			HttpServletResponse response) {
		confirmPassword(principal, body == null ? null : body.password(), body == null ? null : body.code(), request,
				response);
		return json(keys.registrationOptions(principal.id(), request));
	}

	/** Step two: the browser's new credential, verified against the challenge of step one. */
	@PostMapping(path = CREDENTIALS, consumes = JSON, produces = JSON)
	public ResponseEntity<WebAuthnApiJson.Key> register(@AuthenticationPrincipal AccountPrincipal principal,
			@Valid @RequestBody WebAuthnApiJson.Register body, HttpServletRequest request, HttpServletResponse response) {
		confirmPassword(principal, body.password(), body.code(), request, response);
		SecurityKey key = keys.register(principal.id(), body.name().strip(), body.credential(), request);
		csrf.renew(request, response); // the session has a new id
		return ResponseEntity.status(HttpStatus.CREATED).body(WebAuthnApiJson.Key.of(key));
	}

	@PatchMapping(path = CREDENTIALS + "/{id}", consumes = JSON, produces = JSON)
	public WebAuthnApiJson.Key rename(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String id,
			@Valid @RequestBody WebAuthnApiJson.Rename body) {
		return keys.rename(principal.id(), id, body.name().strip()).map(WebAuthnApiJson.Key::of)
			.orElseThrow(WebAuthnApiController::noSuchKey);
	}

	/** Needs a recent password, or the password in an optional JSON body. */
	@DeleteMapping(CREDENTIALS + "/{id}")
	public ResponseEntity<Void> remove(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String id,
			@RequestBody(required = false) WebAuthnApiJson.Password body, HttpServletRequest request,
			HttpServletResponse response) {
		confirmPassword(principal, body == null ? null : body.password(), body == null ? null : body.code(), request,
				response);
		if (!keys.remove(principal.id(), id, request)) {
			throw noSuchKey();
		}
		csrf.renew(request, response); // the session has a new id
		return ResponseEntity.noContent().build();
	}

	/** Step one of a passkey sign-in: options for navigator.credentials.get (no login needed). */
	@PostMapping(path = "/api/webauthn/authentication/options", produces = JSON)
	public ResponseEntity<String> signInOptions(HttpServletRequest request) {
		return json(passkeys.options(request));
	}

	/** Step two: the passkey's assertion; a session login as /api/login makes, with a new CSRF token. */
	@PostMapping(path = "/api/webauthn/login", consumes = JSON, produces = JSON)
	public WebAuthnApiJson.SignedIn signIn(@Valid @RequestBody WebAuthnApiJson.SignIn body, HttpServletRequest request,
			HttpServletResponse response) {
		AccountPrincipal principal = passkeys.signIn(body.credential(), request, response);
		csrf.renew(request, response);
		String next = redirects.safeTarget(body.next(), request, properties.getUrls().getPostLogin());
		return new WebAuthnApiJson.SignedIn(principal.id(), principal.email(), principal.username(), next);
	}

	private void confirmPassword(AccountPrincipal principal, String password, String code, HttpServletRequest request,
			HttpServletResponse response) {
		if (password == null) {
			return;
		}
		if (!reauthentication.confirm(principal.id(), password, code, request)) {
			Errors errors = new MapBindingResult(new HashMap<>(), "password");
			if (reauthentication.asksForCode(principal.id())) {
				errors.rejectValue("password", "mfa.account.refused.wrong-code", "The password or the code is not right.");
			}
			else {
				errors.rejectValue("password", "account.current-password.wrong", "The password is not correct.");
			}
			throw new InvalidRequestException(errors);
		}
		csrf.renew(request, response);
	}

	private static ResponseEntity<String> json(String body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static LocalizedStatusException noSuchKey() {
		return new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.webauthn.no-such-key");
	}
}
