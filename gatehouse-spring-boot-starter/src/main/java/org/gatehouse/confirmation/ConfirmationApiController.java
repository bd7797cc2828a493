package org.gatehouse.confirmation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.gatehouse.account.AccountApiRequests.EmailAddress;
import org.gatehouse.account.AccountApiRequests.Message;
import org.gatehouse.http.LocalizedStatusException;
import org.gatehouse.api.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Email confirmation in JSON, on Invenio-Accounts' REST paths; the rules are the pages' own. */
@ApiController
class ConfirmationApiController {

	private final EmailConfirmation confirmation;

	public ConfirmationApiController(EmailConfirmation confirmation) {
		this.confirmation = confirmation;
	}

	/** Same answer whether or not the address has an account, or is already confirmed. */
	@PostMapping(path = "/api/send-confirmation-email", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Message sendConfirmation(@Valid @RequestBody EmailAddress body, HttpServletRequest request) {
		confirmation.resend(body.email(), request);
		return new Message("If this address has an account that is not yet confirmed, we sent it a new link.");
	}

	@PostMapping(path = "/api/confirm-email", consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<?> confirm(@Valid @RequestBody Token body) {
		if (!confirmation.confirm(body.token())) {
			throw new LocalizedStatusException(HttpStatus.BAD_REQUEST, "problem.confirmation-link-invalid");
		}
		return ResponseEntity.ok(new Message("Email address confirmed."));
	}

	public record Token(@NotBlank @Size(max = 1024) String token) {
	}
}
