package org.gatehouse.registration;

import org.gatehouse.mail.RequestLocale;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.mail.AccountMailer;
import org.gatehouse.account.AccountLinks;
import org.gatehouse.account.User;
import org.springframework.context.MessageSource;

/**
 * The mails that stand in for sign-up answers when they are generic: the person at the
 * address learns what happened, the person at the form only "check your mail".
 */
class SignUpMails {

	private final AccountLinks links;
	private final AccountMailer mailer;
	private final MessageSource messages;
	private final GatehouseProperties properties;

	public SignUpMails(AccountLinks links, AccountMailer mailer, MessageSource messages,
			GatehouseProperties properties) {
		this.links = links;
		this.mailer = mailer;
		this.messages = messages;
		this.properties = properties;
	}

	/** To the owner of an address someone tried to sign up with: log in, or reset the password. */
	public void addressTaken(User owner, HttpServletRequest request) {
		String reset = properties.getFeatures().isRecoverable()
				? messages.getMessage("mail.register-existing.reset",
						new Object[] { links.absolute(request, properties.getUrls().getReset()) }, RequestLocale.current())
				: "";
		mailer.send(owner.email(), "register-existing", links.absolute(request, properties.getUrls().getLogin()), reset);
	}

	/** To a new address whose sign-up named a taken username: nothing was created, try another. */
	public void usernameTaken(String email, HttpServletRequest request) {
		mailer.send(email, "register-username-taken", links.absolute(request, properties.getUrls().getRegister()));
	}

	/** To a new account when no confirmation mail goes out, so "check your mail" holds. */
	public void welcome(User user, HttpServletRequest request) {
		mailer.send(user.email(), "welcome", links.absolute(request, properties.getUrls().getLogin()));
	}
}
