package org.gatehouse.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** JSON bodies shared by the account API endpoints; the rules beyond these shapes live in the services. */
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

	public record EmailAddress(
			@NotBlank(message = "{account.email.required}") @Email(message = "{account.email.invalid}")
			@Size(max = 254, message = "{account.email.too-long}") String email) {
	}

	/**
	 * Answer of the endpoints that must not reveal whether an address has an account. {@code notice}: what the
	 * request has to say about a password just chosen ({@link PasswordNotice}), left out when there is none.
	 */
	public record Message(String message, @JsonInclude(JsonInclude.Include.NON_NULL) String notice) {

		public Message(String message) {
			this(message, PasswordNotice.current());
		}
	}
}
