package org.gatehouse.recovery;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.gatehouse.account.AccountApiRequests.EmailAddress;
import org.gatehouse.account.AccountApiRequests.Message;
import org.gatehouse.http.LocalizedStatusException;
import org.gatehouse.account.User;
import org.gatehouse.password.NewPasswordForm;
import org.gatehouse.api.ApiController;
import org.gatehouse.api.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Password recovery in JSON, on Invenio-Accounts' REST paths; the rules are the pages' own. */
@ApiController
class RecoveryApiController {

	private final PasswordRecovery recovery;

	public RecoveryApiController(PasswordRecovery recovery) {
		this.recovery = recovery;
	}

	/** Same answer whether or not the address has an account. */
	@PostMapping(path = "/api/forgot-password", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Message forgotPassword(@Valid @RequestBody EmailAddress body, HttpServletRequest request) {
		recovery.sendResetLink(body.email(), request);
		return new Message("If this address has an account, we sent it a link to choose a new password.");
	}

	@PostMapping(path = "/api/reset-password", consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<?> resetPassword(@Valid @RequestBody ResetPassword body) {
		User user = recovery.userFor(body.token()).orElse(null);
		if (user == null) {
			throw new LocalizedStatusException(HttpStatus.BAD_REQUEST, "problem.reset-link-invalid");
		}
		NewPasswordForm form = NewPasswordForm.chosen(null, body.password());
		Errors errors = new BeanPropertyBindingResult(form, "form");
		if (!recovery.reset(user, form, errors)) {
			throw new InvalidRequestException(errors, Map.of("passwordConfirm", "password"));
		}
		return ResponseEntity.ok(new Message("Password changed; every session was signed out."));
	}

	public record ResetPassword(@NotBlank @Size(max = 1024) String token,
			@NotBlank(message = "{account.password.required}") String password) {
	}
}
