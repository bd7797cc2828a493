package org.gatehouse.emailchange;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The new address and the current password, plus a code of the user's second factor when they have one: the
 * re-authentication the change needs.
 */
public class ChangeEmailForm {

	@NotBlank(message = "{account.email.required}")
	@Email(message = "{account.email.invalid}")
	@Size(max = 254, message = "{account.email.too-long}")
	private String email;

	private String password;

	@Size(max = 64)
	private String code;

	public static ChangeEmailForm of(String email, String password, String code) {
		ChangeEmailForm form = new ChangeEmailForm();
		form.setEmail(email);
		form.setPassword(password);
		form.setCode(code);
		return form;
	}

	public String getEmail() { return email; }
	public void setEmail(String email) { this.email = email; }
	public String getPassword() { return password; }
	public void setPassword(String password) { this.password = password; }
	public String getCode() { return code; }
	public void setCode(String code) { this.code = code; }
}
