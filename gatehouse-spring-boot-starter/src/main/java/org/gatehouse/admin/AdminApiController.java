package org.gatehouse.admin;

import org.gatehouse.http.LocalizedStatusException;
import java.util.HashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.gatehouse.account.AccountApiRequests.Message;
import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.Reauthentication;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.session.UserSessions;
import org.gatehouse.token.ApiTokenAuthentication;
import org.gatehouse.token.PersonalAccessTokens;
import org.gatehouse.api.ApiController;
import org.gatehouse.api.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin user pages in JSON, under /api/admin/ (role admin; a token needs the admin
 * scope). Every rule and audit event is {@link AdminUserActions}', shared with the pages.
 * Actions that grant or take access from a cookie session need {@code POST /api/admin/reauthenticate}
 * first (the rule is {@link Reauthentication}'s, applied by the actions); an admin-scoped token is its own credential.
 */
@ApiController
@PreAuthorize("hasRole('admin')")
public class AdminApiController {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
	static final String USERS = "/api/admin/users";
	static final String REAUTHENTICATE = "/api/admin/reauthenticate";

	private final UserStore users;
	private final UserSearch search;
	private final UserSessions sessions;
	private final PersonalAccessTokens tokens;
	private final AdminUserActions actions;
	private final Reauthentication reauthentication;
	private final RestCsrfTokens csrf;

	public AdminApiController(UserStore users, UserSearch search, UserSessions sessions, PersonalAccessTokens tokens,
			AdminUserActions actions, Reauthentication reauthentication, RestCsrfTokens csrf) {
		this.users = users;
		this.search = search;
		this.sessions = sessions;
		this.tokens = tokens;
		this.actions = actions;
		this.reauthentication = reauthentication;
		this.csrf = csrf;
	}

	/** Users whose email (by=email, the default) or username (by=username) starts with q; all users without q. */
	@GetMapping(path = USERS, produces = JSON)
	public AdminApiJson.UserPage list(@RequestParam(required = false) @Size(max = UserSearch.MAX_QUERY_LENGTH) String q,
			@RequestParam(required = false) @Size(max = 20) String by,
			@RequestParam(required = false) @Size(max = UserSearch.MAX_QUERY_LENGTH) String after) {
		UserSearch.Field field = UserSearch.Field.parse(by).orElseThrow(() -> invalid("by", "admin.api.search.by",
				"Search by email or username."));
		return AdminApiJson.UserPage.of(search.search(q, field, after));
	}

	@GetMapping(path = USERS + "/{id}", produces = JSON)
	public AdminApiJson.UserDetail show(@PathVariable String id) {
		return detail(actions.find(id).id());
	}

	@PostMapping(path = USERS + "/{id}/ban", produces = JSON)
	public AdminApiJson.UserDetail ban(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id) {
		User user = actions.find(id);
		actions.ban(admin.id(), user);
		return detail(user.id());
	}

	@PostMapping(path = USERS + "/{id}/unban", produces = JSON)
	public AdminApiJson.UserDetail unban(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id) {
		User user = actions.find(id);
		actions.unban(admin.id(), user);
		return detail(user.id());
	}

	@PostMapping(path = USERS + "/{id}/roles", consumes = JSON, produces = JSON)
	public AdminApiJson.UserDetail addRole(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@Valid @RequestBody AdminApiJson.Role body) {
		User user = actions.find(id);
		if (!actions.addRole(admin.id(), user, body.role())) {
			throw invalid("role", "admin.role.invalid", RoleAssignments.INVALID_NAME);
		}
		return detail(user.id());
	}

	/** Taking a role ends the user's sessions; 404 when the user does not have the role. */
	@DeleteMapping(path = USERS + "/{id}/roles/{role}", produces = JSON)
	public AdminApiJson.UserDetail removeRole(@AuthenticationPrincipal AccountPrincipal admin,
			@PathVariable String id, @PathVariable String role) {
		User user = actions.find(id);
		actions.removeRole(admin.id(), user, role);
		return detail(user.id());
	}

	@DeleteMapping(USERS + "/{id}/sessions/{ref}")
	public ResponseEntity<Void> revokeSession(@AuthenticationPrincipal AccountPrincipal admin,
			@PathVariable String id, @PathVariable String ref) {
		actions.revokeSession(admin.id(), actions.find(id), ref);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping(path = USERS + "/{id}/sessions", produces = JSON)
	public AdminApiJson.Revoked revokeAllSessions(@AuthenticationPrincipal AccountPrincipal admin,
			@PathVariable String id) {
		return new AdminApiJson.Revoked(actions.revokeAllSessions(admin.id(), actions.find(id)));
	}

	@PostMapping(path = USERS + "/{id}/resend-confirmation", produces = JSON)
	public Message resendConfirmation(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			HttpServletRequest request) {
		return actions.resendConfirmation(admin.id(), actions.find(id), request)
				? new Message("A new confirmation link was sent.")
				: new Message("The email address is already confirmed; nothing was sent.");
	}

	/** Ends the account's login lock after too many failed logins (like the users unlock command). */
	@PostMapping(path = USERS + "/{id}/unlock", produces = JSON)
	public Message unlock(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id) {
		actions.unlock(admin.id(), actions.find(id));
		return new Message("The account's login lock ended.");
	}

	/**
	 * The admin's password: the session gets a new id (and CSRF token), and privileged actions from it
	 * are allowed until {@code valid_until}.
	 */
	@PostMapping(path = REAUTHENTICATE, consumes = JSON, produces = JSON)
	public AdminApiJson.Reauthenticated reauthenticate(@AuthenticationPrincipal AccountPrincipal admin,
			Authentication authentication, @Valid @RequestBody AdminApiJson.Password body,
			HttpServletRequest request, HttpServletResponse response) {
		if (authentication instanceof ApiTokenAuthentication) {
			throw new LocalizedStatusException(HttpStatus.BAD_REQUEST, "problem.token-needs-no-reauthentication");
		}
		if (!reauthentication.confirm(admin.id(), body.password(), body.code(), request)) {
			throw invalid("password", "account.current-password.wrong", "The password is not correct.");
		}
		csrf.renew(request, response);
		return new AdminApiJson.Reauthenticated(reauthentication.validUntil(request.getSession()).orElseThrow());
	}

	private AdminApiJson.UserDetail detail(long userId) {
		User user = users.findById(userId).orElseThrow();
		return AdminApiJson.UserDetail.of(user, sessions.list(userId, null), tokens.list(userId));
	}

	private static InvalidRequestException invalid(String field, String code, String defaultMessage) {
		Errors errors = new MapBindingResult(new HashMap<>(), "request");
		errors.rejectValue(field, code, defaultMessage);
		return new InvalidRequestException(errors);
	}
}
