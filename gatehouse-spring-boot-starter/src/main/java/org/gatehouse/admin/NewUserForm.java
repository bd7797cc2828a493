package org.gatehouse.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A user created by an administrator: no password, an invitation mail instead. */
public class NewUserForm {

	@NotBlank(message = "{account.email.required}")
	@Email(message = "{account.email.invalid}")
	@Size(max = 254, message = "{account.email.too-long}")
	private String email;

	@Pattern(regexp = "^$|^[A-Za-z][A-Za-z0-9_.]*$", message = "{account.username.invalid}")
	@Size(max = 255)
	private String username;

	/** Role names separated by commas or spaces. */
	@Size(max = 1000)
	private String roles;

	public String getEmail() { return email; }
	public void setEmail(String email) { this.email = email; }
	public String getUsername() { return username; }
	public void setUsername(String username) { this.username = username; }
	public String getRoles() { return roles; }
	public void setRoles(String roles) { this.roles = roles; }
}
