package org.gatehouse.account;

import org.springframework.validation.Errors;

/** The checks shared by every form where a user picks a new password. */
final class PasswordChoice {

	private PasswordChoice() {
	}

	static void check(NewPasswordForm form, Errors errors, PasswordService passwords, User user) {
		if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordConfirm())) {
			errors.rejectValue("passwordConfirm", "account.password-confirm.mismatch");
		}
		if (!errors.hasFieldErrors("password")) {
			passwords.problems(form.getPassword(), user.email(), user.username())
				.forEach(p -> errors.rejectValue("password", "account.password.policy", new Object[] { p }, p));
		}
	}
}
