package org.gatehouse.emailchange;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The new address and the current password (the re-authentication the change needs). */
public class ChangeEmailForm {

	@NotBlank(message = "{account.email.required}")
	@Email(message = "{account.email.invalid}")
	@Size(max = 254, message = "{account.email.too-long}")
	private String email;

	private String password;

	public static ChangeEmailForm of(String email, String password) {
		ChangeEmailForm form = new ChangeEmailForm();
		form.setEmail(email);
		form.setPassword(password);
		return form;
	}

	public String getEmail() { return email; }
	public void setEmail(String email) { this.email = email; }
	public String getPassword() { return password; }
	public void setPassword(String password) { this.password = password; }
}
