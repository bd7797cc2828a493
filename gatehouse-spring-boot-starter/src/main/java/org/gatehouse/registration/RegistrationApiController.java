package org.gatehouse.registration;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gatehouse.account.AccountApiRequests.Message;
import org.gatehouse.account.AccountJson;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.api.ApiController;
import org.gatehouse.api.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Sign-up in JSON, on Invenio-Accounts' REST path; the rules are the sign-up page's own. */
@ApiController
public class RegistrationApiController {

	private static final Map<String, String> PASSWORD_FIELDS = Map.of("passwordConfirm", "password");

	private final GatehouseProperties properties;
	private final UserStore users;
	private final AccountRegistration registration;
	private final RestCsrfTokens csrf;

	public RegistrationApiController(GatehouseProperties properties, UserStore users,
			AccountRegistration registration, RestCsrfTokens csrf) {
		this.properties = properties;
		this.users = users;
		this.registration = registration;
		this.csrf = csrf;
	}

	/**
	 * 202 with the same message whether or not the address or username was taken (generic
	 * responses, the default); else 201 with the new account, or 400 naming the taken field.
	 */
	@PostMapping(path = "/api/register", consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<?> register(@Valid @RequestBody Register body, HttpServletRequest request,
			HttpServletResponse response) {
		RegistrationForm form = new RegistrationForm();
		form.setEmail(body.email());
		form.setUsername(body.username());
		form.setPassword(body.password());
		form.setPasswordConfirm(body.password());
		Errors errors = new BeanPropertyBindingResult(form, "form");
		AccountRegistration.SignUp signUp = registration.register(form, errors, body.recaptchaResponse(), request,
				response).orElseThrow(() -> new InvalidRequestException(errors, PASSWORD_FIELDS));
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

	public record Register(
			@NotBlank(message = "{account.email.required}") @Email(message = "{account.email.invalid}")
			@Size(max = 254, message = "{account.email.too-long}") String email,
			@Pattern(regexp = "^$|^[A-Za-z][A-Za-z0-9_.]*$", message = "{account.username.invalid}") String username,
			@NotBlank(message = "{account.password.required}") String password,
			@JsonProperty("recaptcha_response") String recaptchaResponse) {
	}
}
