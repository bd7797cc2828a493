package org.gatehouse.recovery;

import org.gatehouse.throttle.PageRateLimits;
import org.gatehouse.throttle.TooManyRequestsException;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.mail.AccountMailer;
import org.gatehouse.account.AccountLinks;
import org.gatehouse.account.CredentialRevocation;
import org.gatehouse.account.FeatureDisabledException;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.password.NewPasswordForm;
import org.gatehouse.password.PasswordChoice;
import org.gatehouse.password.PasswordService;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/** Password recovery shared by the pages and the JSON API: the reset mail, then the new password. */
@Service
public class PasswordRecovery {

	private final GatehouseProperties properties;
	private final UserStore users;
	private final AccountLinks links;
	private final AccountMailer mailer;
	private final PasswordService passwords;
	private final CredentialRevocation revocation;
	private final ApplicationEventPublisher events;
	private final PageRateLimits rateLimits;

	public PasswordRecovery(GatehouseProperties properties, UserStore users, AccountLinks links, AccountMailer mailer,
			PasswordService passwords, CredentialRevocation revocation, ApplicationEventPublisher events,
			PageRateLimits rateLimits) {
		this.properties = properties;
		this.users = users;
		this.links = links;
		this.mailer = mailer;
		this.passwords = passwords;
		this.revocation = revocation;
		this.events = events;
		this.rateLimits = rateLimits;
	}

	/** Mails a reset link to an active account with that address; callers answer the same either way. */
	public void sendResetLink(String email, HttpServletRequest request) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isRecoverable());
		rateLimits.recoveryMail(request, email).ifPresent(retryAfter -> {
			throw new TooManyRequestsException(retryAfter);
		});
		users.findByEmail(email).filter(User::active).ifPresent(user -> {
			String link = links.absolute(request, properties.getUrls().getReset() + links.resetToken(user));
			mailer.send(user.email(), "reset", link);
		});
	}

	/** The user a reset token is still valid for. */
	public Optional<User> userFor(String token) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isRecoverable());
		return links.resetUser(token, users);
	}

	/**
	 * Sets the new password and ends every session, remember-me login and personal access token; false with
	 * reasons in {@code errors}.
	 */
	public boolean reset(User user, NewPasswordForm form, Errors errors) {
		PasswordChoice.check(form, errors, passwords, user);
		if (errors.hasErrors()) {
			return false;
		}
		users.changePassword(user.id(), passwords.hashNew(form.getPassword()));
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.PASSWORD_RESET, user.id(), null));
		revocation.afterReset(user.id());
		mailer.send(user.email(), "password-reset-notice", null);
		return true;
	}
}
