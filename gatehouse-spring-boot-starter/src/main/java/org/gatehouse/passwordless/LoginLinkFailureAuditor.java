package org.gatehouse.passwordless;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;

/**
 * Refused codes and links in the security log, as refused passwords are: a code names the account it was typed for
 * (when there is one); a refused link names none. Successful sign-ins are logged with the password ones, told apart by
 * their FACTOR_OTT authority.
 */
class LoginLinkFailureAuditor {

	private final ApplicationEventPublisher events;
	private final UserStore users;

	LoginLinkFailureAuditor(ApplicationEventPublisher events, UserStore users) {
		this.events = events;
		this.users = users;
	}

	@EventListener
	public void refused(AbstractAuthenticationFailureEvent event) {
		if (!(event.getAuthentication() instanceof OneTimeTokenAuthenticationToken token)
				|| !(token.getPrincipal() instanceof LoginLinkAttempt attempt)) {
			return;
		}
		Long subject = attempt.isCode() ? users.findByEmail(attempt.email()).map(User::id).orElse(null) : null;
		String details = attempt.isCode() ? "InvalidLoginCode" : "InvalidLoginLink";
		events.publishEvent(new SecurityEvent(SecurityEventType.LOGIN_FAILURE, null, subject,
				attempt.isCode() && subject == null ? details + " (unknown login)" : details));
	}
}
