package org.gatehouse.emailchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.admin.AdminUserActions;
import org.gatehouse.api.ApiController;
import org.gatehouse.api.InvalidRequestException;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.http.LocalizedStatusException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The change of email address in JSON: the request (signed in, with the password), the two mailed links'
 * tokens, and an administrator's change. The rules are the pages' own ({@link EmailChanges}).
 */
@ApiController
class EmailChangeApiController {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private final EmailChanges changes;
	private final AdminUserActions adminActions;
	private final RestCsrfTokens csrf;
	private final MessageSource messages;

	EmailChangeApiController(EmailChanges changes, AdminUserActions adminActions, RestCsrfTokens csrf,
			MessageSource messages) {
		this.changes = changes;
		this.adminActions = adminActions;
		this.csrf = csrf;
		this.messages = messages;
	}

	/** 202: the confirmation link went to the new address, the notice with the revert link to the old one. */
	@PostMapping(path = EmailChangePaths.API, consumes = JSON, produces = JSON)
	public ResponseEntity<Answer> request(@AuthenticationPrincipal AccountPrincipal principal,
			@Valid @RequestBody ChangeRequest body, HttpServletRequest request, HttpServletResponse response) {
		ChangeEmailForm form = ChangeEmailForm.of(body.email(), body.password(), body.code());
		Errors errors = new BeanPropertyBindingResult(form, "form");
		String sessionBefore = request.getSession(false) == null ? null : request.getSession(false).getId();
		boolean requested = changes.request(principal.id(), form, errors, request);
		// a correct password re-authenticated the session, which has a new id (also when the address is refused)
		if (sessionBefore != null && !sessionBefore.equals(request.getSession().getId())) {
			csrf.renew(request, response);
		}
		if (!requested) {
			throw new InvalidRequestException(errors);
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer("email-change.sent", form.getEmail().trim()));
	}

	/** The token of the link mailed to the new address; works once, signed in or not. */
	@PostMapping(path = EmailChangePaths.API_CONFIRM, consumes = JSON, produces = JSON)
	public Answer confirm(@Valid @RequestBody Token body, HttpServletRequest request) {
		return switch (changes.confirm(body.token(), request)) {
			case CHANGED -> answer("email-change.done", null);
			case ADDRESS_TAKEN -> throw new LocalizedStatusException(HttpStatus.CONFLICT, "email-change.taken-meanwhile");
			case INVALID -> throw new LocalizedStatusException(HttpStatus.BAD_REQUEST, "email-change.invalid");
		};
	}

	/** The token of the link mailed to the old address: cancels or undoes the change and ends every login. */
	@PostMapping(path = EmailChangePaths.API_REVERT, consumes = JSON, produces = JSON)
	public Answer revert(@Valid @RequestBody Token body, HttpServletRequest request) {
		return switch (changes.revert(body.token(), request)) {
			case RESTORED -> answer("email-change.reverted", null);
			case ADDRESS_TAKEN -> answer("email-change.reverted-not-restored", null);
			case INVALID -> throw new LocalizedStatusException(HttpStatus.BAD_REQUEST, "email-change.revert-invalid");
		};
	}

	/** An administrator's change, at once; both addresses get a notice. */
	@PostMapping(path = EmailChangePaths.ADMIN_API, consumes = JSON, produces = JSON)
	public Answer changeByAdmin(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@Valid @RequestBody AdminChange body) {
		long userId = adminActions.find(id).id();
		ChangeEmailForm form = ChangeEmailForm.of(body.email(), null, null);
		Errors errors = new BeanPropertyBindingResult(form, "form");
		if (!changes.changeByAdmin(admin.id(), userId, body.email(), errors)) {
			throw new InvalidRequestException(errors);
		}
		return answer("admin.email.changed", body.email().trim());
	}

	private Answer answer(String key, String argument) {
		return new Answer(messages.getMessage(key, new Object[] { argument }, LocaleContextHolder.getLocale()));
	}

	/** The answer's text, in the request's language. */
	public record Answer(String message) {
	}

	public record ChangeRequest(
			@NotBlank(message = "{account.email.required}") @Email(message = "{account.email.invalid}")
			@Size(max = 254, message = "{account.email.too-long}") String email,
			@NotBlank(message = "{account.password.required}") String password, @Size(max = 64) String code) {
	}

	public record Token(@NotBlank(message = "{email-change.token.required}") @Size(max = 100) String token) {
	}

	public record AdminChange(
			@NotBlank(message = "{account.email.required}") @Email(message = "{account.email.invalid}")
			@Size(max = 254, message = "{account.email.too-long}") String email) {
	}
}
