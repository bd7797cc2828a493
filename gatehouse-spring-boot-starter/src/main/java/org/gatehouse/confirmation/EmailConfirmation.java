package org.gatehouse.confirmation;

import org.gatehouse.throttle.PageRateLimits;
import org.gatehouse.throttle.TooManyRequestsException;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.account.AccountLinks;
import org.gatehouse.account.FeatureDisabledException;
import org.gatehouse.account.UserStore;
import org.springframework.stereotype.Service;

/** Email confirmation shared by the pages and the JSON API. */
@Service
public class EmailConfirmation {

	private final GatehouseProperties properties;
	private final UserStore users;
	private final AccountLinks links;
	private final ConfirmationMails mails;
	private final ApplicationEventPublisher events;
	private final PageRateLimits rateLimits;

	public EmailConfirmation(GatehouseProperties properties, UserStore users, AccountLinks links,
			ConfirmationMails mails, ApplicationEventPublisher events, PageRateLimits rateLimits) {
		this.properties = properties;
		this.users = users;
		this.links = links;
		this.mails = mails;
		this.events = events;
		this.rateLimits = rateLimits;
	}

	/** Sends a new link to an active, unconfirmed account; callers answer the same whatever the address. */
	public void resend(String email, HttpServletRequest request) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isConfirmable());
		rateLimits.confirmationMail(request, email).ifPresent(retryAfter -> {
			throw new TooManyRequestsException(retryAfter);
		});
		users.findByEmail(email).filter(u -> !u.confirmed() && u.active()).ifPresent(u -> mails.send(u, request));
	}

	/** True when the token is valid and its user not yet confirmed; changes nothing. */
	public boolean pending(String token) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isConfirmable());
		return links.confirmationUser(token, users).flatMap(users::findById).filter(u -> !u.confirmed()).isPresent();
	}

	/** True when the token was valid and confirmed its user just now (a link works once). */
	public boolean confirm(String token) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isConfirmable());
		java.util.Optional<Long> userId = links.confirmationUser(token, users);
		boolean confirmed = userId.map(users::confirm).orElse(false);
		if (confirmed) {
			events.publishEvent(SecurityEvent.byUser(SecurityEventType.CONFIRMATION, userId.get(), null));
		}
		return confirmed;
	}
}
