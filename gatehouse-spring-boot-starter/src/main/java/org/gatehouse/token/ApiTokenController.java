package org.gatehouse.token;

import org.gatehouse.http.LocalizedStatusException;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.Reauthentication;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.api.ApiController;
import org.gatehouse.api.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The user's own personal access tokens. Another user's token id answers 404. */
@ApiController
public class ApiTokenController {

	private final PersonalAccessTokens tokens;
	private final Reauthentication reauthentication;
	private final RestCsrfTokens csrf;

	public ApiTokenController(PersonalAccessTokens tokens, Reauthentication reauthentication, RestCsrfTokens csrf) {
		this.tokens = tokens;
		this.reauthentication = reauthentication;
		this.csrf = csrf;
	}

	@GetMapping(path = "/api/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
	public List<ApiTokenJson.Token> list(@AuthenticationPrincipal AccountPrincipal principal) {
		return tokens.list(principal.id()).stream().map(t -> ApiTokenJson.Token.of(t, null)).toList();
	}

	/**
	 * The token value is in this answer only. A token-authenticated request can only create weaker or equal
	 * tokens, and only with the password in the body. A correct password re-authenticates the session
	 * (new session id and CSRF token).
	 */
	@PostMapping(path = "/api/tokens", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<ApiTokenJson.Token> create(@AuthenticationPrincipal AccountPrincipal principal,
			@Valid @RequestBody ApiTokenJson.Create body, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		Set<TokenScope> ceiling = authentication instanceof ApiTokenAuthentication token ? token.scopes() : null;
		Errors errors = new MapBindingResult(new HashMap<>(), "token");
		if (body.password() != null) {
			if (!reauthentication.confirm(principal.id(), body.password(), body.code(), request)) {
				errors.rejectValue("password", "account.current-password.wrong", "The password is not correct.");
				throw new InvalidRequestException(errors);
			}
			csrf.renew(request, response);
		}
		PersonalAccessTokens.Issued issued = tokens
			.issue(principal.id(), body.name(), body.scopes(), body.expiresAt(), ceiling, errors)
			.orElseThrow(() -> new InvalidRequestException(errors, java.util.Map.of("expiresAt", "expires_at")));
		return ResponseEntity.status(HttpStatus.CREATED).body(ApiTokenJson.Token.of(issued.token(), issued.secret()));
	}

	@DeleteMapping("/api/tokens/{id}")
	public ResponseEntity<Void> revoke(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id) {
		if (!tokens.revoke(principal.id(), id)) {
			throw new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.no-such-token");
		}
		return ResponseEntity.noContent().build();
	}
}
