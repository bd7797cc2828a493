package org.gatehouse.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A single email address: password recovery and resending the confirmation link. */
public class EmailForm {

	@NotBlank(message = "{account.email.required}")
	@Email(message = "{account.email.invalid}")
	@Size(max = 254, message = "{account.email.too-long}")
	private String email;

	public String getEmail() { return email; }
	public void setEmail(String email) { this.email = email; }
}
