package org.gatehouse.mail;

/**
 * Sends the mails of the account flows. Gatehouse's default renders its templates and sends them
 * by SMTP (or logs them without SMTP); an application that sends mail through its own service or
 * templates declares a bean of this type, and every account mail goes to it.
 *
 * <p>The kinds, with their link and further arguments: {@code confirm} (confirmation link),
 * {@code welcome} (login page), {@code reset} (reset link), {@code password-reset-notice},
 * {@code password-change-notice}, {@code remember-me-theft-notice} (no link),
 * {@code register-existing} (login page; argument {1}: a paragraph with a reset link, or empty),
 * {@code register-username-taken} (sign-up page), {@code invitation} (set-password link).
 * Subjects and texts are the message keys mail.KIND.subject and mail.KIND.text.
 */
public interface AccountMailer {

	/**
	 * Sends one mail. Failures to deliver are the mailer's to report: the account flow that asked
	 * for the mail answers the same whether it went out or not.
	 * @param to the recipient's address
	 * @param kind which mail (see above): the message keys mail.KIND.subject / mail.KIND.text and
	 * the template gatehouse/mail/KIND
	 * @param link the action link, or null for a notice
	 * @param moreArguments arguments {1}, {2}… of the text (templates show them through "text")
	 */
	void send(String to, String kind, String link, String... moreArguments);
}
