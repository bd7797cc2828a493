package org.gatehouse.password;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.gatehouse.account.AccountApiRequests.Message;
import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.api.ApiController;
import org.gatehouse.api.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Password change in JSON, on Invenio-Accounts' REST path; the rules are the page's own. */
@ApiController
public class PasswordApiController {

	private static final Map<String, String> PASSWORD_FIELDS = Map.of("currentPassword", "password", "password",
			"new_password", "passwordConfirm", "new_password");

	private final PasswordChange passwordChange;
	private final RestCsrfTokens csrf;

	public PasswordApiController(PasswordChange passwordChange, RestCsrfTokens csrf) {
		this.passwordChange = passwordChange;
		this.csrf = csrf;
	}

	@PostMapping(path = "/api/change-password", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Message changePassword(@AuthenticationPrincipal AccountPrincipal principal,
			@Valid @RequestBody ChangePassword body, HttpServletRequest request, HttpServletResponse response) {
		NewPasswordForm form = NewPasswordForm.chosen(body.password(), body.newPassword());
		Errors errors = new BeanPropertyBindingResult(form, "form");
		if (!passwordChange.change(principal.id(), form, errors, request)) {
			throw new InvalidRequestException(errors, PASSWORD_FIELDS);
		}
		csrf.renew(request, response);
		return new Message("Password changed; your other sessions were signed out.");
	}

	public record ChangePassword(@NotBlank(message = "{account.password.required}") String password,
			@JsonProperty("new_password") @NotBlank(message = "{account.password.required}") String newPassword) {
	}
}
