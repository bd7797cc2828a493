package org.gatehouse.password;

import org.gatehouse.account.User;

/**
 * A check of a password beyond the length policy, such as a look-up in a corpus of breached passwords
 * (gatehouse.passwords.breached.*). {@link PasswordService} asks every such bean wherever a new password
 * is chosen, and {@link AccountPasswordCheck} tells it of every password that has just signed a user in.
 */
public interface NewPasswordCheck {

	/** What to say about a new password; null: nothing, it is accepted. */
	Remark check(String password);

	/** A password that has just proved right at a login of {@code user}; may, for example, ask for a change. */
	default void loggedIn(User user, String password) {
	}

	/**
	 * A refusal, or a notice for an accepted password, as a message key of the application's messages.
	 *
	 * @param refused whether the password is refused (otherwise it is accepted with the notice)
	 */
	record Remark(boolean refused, String messageKey, String defaultText) {

		public static Remark refusal(String messageKey, String defaultText) {
			return new Remark(true, messageKey, defaultText);
		}

		public static Remark notice(String messageKey, String defaultText) {
			return new Remark(false, messageKey, defaultText);
		}
	}
}
