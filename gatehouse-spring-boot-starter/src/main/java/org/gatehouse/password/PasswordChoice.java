package org.gatehouse.password;

import org.springframework.validation.Errors;

import org.gatehouse.account.User;

/** The checks shared by every form where a user picks a new password. */
public final class PasswordChoice {

	private PasswordChoice() {
	}

	public static void check(NewPasswordForm form, Errors errors, PasswordService passwords, User user) {
		if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordConfirm())) {
			errors.rejectValue("passwordConfirm", "account.password-confirm.mismatch");
		}
		if (!errors.hasFieldErrors("password")) {
			passwords.problems(form.getPassword(), user.email(), user.username())
				.forEach(p -> errors.rejectValue("password", "account.password.policy", new Object[] { p }, p));
		}
	}
}
