package org.gatehouse.password;

import jakarta.validation.constraints.NotBlank;

/** Choosing a new password: reset by link, or change with the current password. */
public class NewPasswordForm {

	/** Only asked on the change-password page. */
	private String currentPassword;

	@NotBlank(message = "{account.password.required}")
	private String password;

	@NotBlank(message = "{account.password-confirm.required}")
	private String passwordConfirm;

	public String getCurrentPassword() { return currentPassword; }
	public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
	public String getPassword() { return password; }
	public void setPassword(String password) { this.password = password; }
	public String getPasswordConfirm() { return passwordConfirm; }
	public void setPasswordConfirm(String passwordConfirm) { this.passwordConfirm = passwordConfirm; }
}
