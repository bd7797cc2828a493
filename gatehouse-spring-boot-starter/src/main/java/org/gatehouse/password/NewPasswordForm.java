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

	/** The form a JSON request stands for: one new password, typed once (the API has no confirmation field). */
	public static NewPasswordForm chosen(String current, String chosen) {
		NewPasswordForm form = new NewPasswordForm();
		form.setCurrentPassword(current);
		form.setPassword(chosen);
		form.setPasswordConfirm(chosen);
		return form;
	}

	public String getCurrentPassword() { return currentPassword; }
	public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
	public String getPassword() { return password; }
	public void setPassword(String password) { this.password = password; }
	public String getPasswordConfirm() { return passwordConfirm; }
	public void setPasswordConfirm(String passwordConfirm) { this.passwordConfirm = passwordConfirm; }
}
