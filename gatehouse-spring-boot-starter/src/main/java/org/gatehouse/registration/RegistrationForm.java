package org.gatehouse.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The sign-up form. Length limits of the username and the password policy are checked by the controller. */
public class RegistrationForm {

	@NotBlank(message = "{account.email.required}")
	@Email(message = "{account.email.invalid}")
	@Size(max = 254, message = "{account.email.too-long}")
	private String email;

	@Pattern(regexp = "^$|^[A-Za-z][A-Za-z0-9_.]*$", message = "{account.username.invalid}")
	private String username;

	@NotBlank(message = "{account.password.required}")
	private String password;

	@NotBlank(message = "{account.password-confirm.required}")
	private String passwordConfirm;

	public String getEmail() { return email; }
	public void setEmail(String email) { this.email = email; }
	public String getUsername() { return username; }
	public void setUsername(String username) { this.username = username; }
	public String getPassword() { return password; }
	public void setPassword(String password) { this.password = password; }
	public String getPasswordConfirm() { return passwordConfirm; }
	public void setPasswordConfirm(String passwordConfirm) { this.passwordConfirm = passwordConfirm; }
}
