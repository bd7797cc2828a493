package org.gatehouse.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** JSON bodies of the account API; the rules beyond these shapes live in the account services. */
public final class AccountApiRequests {

	private AccountApiRequests() {
	}

	/** Either email or username identifies the account. */
	public record Login(String email, String username, @NotBlank(message = "{account.password.required}") String password,
			Boolean remember) {

		boolean rememberMe() {
			return Boolean.TRUE.equals(remember);
		}

		String login() {
			return email != null && !email.isBlank() ? email : username;
		}

		/** The JSON field the login came from. */
		String loginField() {
			return email != null && !email.isBlank() ? "email" : "username";
		}
	}

	public record Register(
			@NotBlank(message = "{account.email.required}") @Email(message = "{account.email.invalid}")
			@Size(max = 254, message = "{account.email.too-long}") String email,
			@Pattern(regexp = "^$|^[A-Za-z][A-Za-z0-9_.]*$", message = "{account.username.invalid}") String username,
			@NotBlank(message = "{account.password.required}") String password,
			@JsonProperty("recaptcha_response") String recaptchaResponse) {
	}

	public record EmailAddress(
			@NotBlank(message = "{account.email.required}") @Email(message = "{account.email.invalid}")
			@Size(max = 254, message = "{account.email.too-long}") String email) {
	}

	public record Token(@NotBlank @Size(max = 1024) String token) {
	}

	public record ResetPassword(@NotBlank @Size(max = 1024) String token,
			@NotBlank(message = "{account.password.required}") String password) {
	}

	public record ChangePassword(@NotBlank(message = "{account.password.required}") String password,
			@JsonProperty("new_password") @NotBlank(message = "{account.password.required}") String newPassword) {
	}

	/** Answer of the endpoints that must not reveal whether an address has an account. */
	public record Message(String message) {
	}
}
