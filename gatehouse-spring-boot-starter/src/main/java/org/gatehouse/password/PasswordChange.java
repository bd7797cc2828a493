package org.gatehouse.password;

import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.mail.AccountMailer;
import org.gatehouse.account.CredentialRevocation;
import org.gatehouse.account.FeatureDisabledException;
import org.gatehouse.account.SessionLogin;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/**
 * Change password with the current one, for the page and the JSON API: the caller's own
 * session (if any) gets a new id and stays, every other session and remember-me login ends.
 */
@Service
public class PasswordChange {

	private final GatehouseProperties properties;
	private final UserStore users;
	private final PasswordService passwords;
	private final CredentialRevocation revocation;
	private final AccountMailer mailer;
	private final ApplicationEventPublisher events;
	private final AccountPasswordCheck passwordCheck;

	public PasswordChange(GatehouseProperties properties, UserStore users, PasswordService passwords,
			CredentialRevocation revocation, AccountMailer mailer, ApplicationEventPublisher events,
			AccountPasswordCheck passwordCheck) {
		this.properties = properties;
		this.users = users;
		this.passwords = passwords;
		this.revocation = revocation;
		this.mailer = mailer;
		this.events = events;
		this.passwordCheck = passwordCheck;
	}

	/** False with the reasons in {@code errors} (field "currentPassword" for a wrong current password). */
	public boolean change(long userId, NewPasswordForm form, Errors errors, HttpServletRequest request) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isChangeable());
		User user = users.findById(userId).orElseThrow();
		switch (passwordCheck.confirm(user, form.getCurrentPassword(), request.getRemoteAddr())) {
			case WRONG -> errors.rejectValue("currentPassword", "account.current-password.wrong");
			case LOCKED -> errors.rejectValue("currentPassword", "account.current-password.locked");
			case MATCH -> { }
		}
		PasswordChoice.check(form, errors, passwords, user);
		if (errors.hasErrors()) {
			return false;
		}
		users.changePassword(user.id(), passwords.hashNew(form.getPassword()));
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.PASSWORD_CHANGE, user.id(), null));
		// revoke first: the store still knows the caller's session by its current id
		HttpSession own = request.getSession(false);
		revocation.afterPasswordChange(user.id(), own == null ? null : own.getId());
		SessionLogin.renewSessionId(request);
		mailer.send(user.email(), "password-change-notice", null);
		return true;
	}
}
