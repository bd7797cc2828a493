package org.gatehouse.login.external;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/** Sign-ins with an external identity on the security log, as the audit package records password logins. */
class ExternalLoginAuditor {

	private final ApplicationEventPublisher events;
	private final ExternalIdentityStore identities;

	ExternalLoginAuditor(ApplicationEventPublisher events, ExternalIdentityStore identities) {
		this.events = events;
		this.identities = identities;
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof ExternalIdentityAuthentication auth
				&& auth.getPrincipal() instanceof AccountPrincipal principal) {
			events.publishEvent(SecurityEvent.byUser(SecurityEventType.LOGIN_SUCCESS, principal.id(),
					"external:" + auth.provider()));
		}
	}

	@EventListener
	void refused(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication() instanceof ExternalIdentityAuthentication auth) {
			Long subject = identities.find(auth.provider(), auth.subject()).map(LinkedIdentity::userId).orElse(null);
			events.publishEvent(new SecurityEvent(SecurityEventType.LOGIN_FAILURE, null, subject,
					event.getException().getClass().getSimpleName() + " (external:" + auth.provider() + ")"));
		}
	}
}
