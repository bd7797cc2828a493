package org.gatehouse.confirmation;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.mail.AccountMailer;
import org.gatehouse.account.AccountLinks;
import org.gatehouse.account.User;
import org.springframework.stereotype.Component;

/** Builds and sends the confirmation link of a user. */
@Component
public class ConfirmationMails {

	private final AccountLinks links;
	private final AccountMailer mailer;
	private final GatehouseProperties properties;

	public ConfirmationMails(AccountLinks links, AccountMailer mailer, GatehouseProperties properties) {
		this.links = links;
		this.mailer = mailer;
		this.properties = properties;
	}

	public void send(User user, HttpServletRequest request) {
		String link = links.absolute(request, properties.getUrls().getConfirm() + links.confirmationToken(user));
		mailer.send(user.email(), "confirm", link);
	}
}
