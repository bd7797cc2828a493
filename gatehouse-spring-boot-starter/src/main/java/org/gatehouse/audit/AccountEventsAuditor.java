package org.gatehouse.audit;

import org.gatehouse.account.ReauthenticationFailureEvent;
import org.gatehouse.account.RememberMeTheftEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * The security log's entries for what the account package notices: it sits below the security log,
 * so it publishes its own events, and they are published again here as {@link SecurityEvent}s.
 */
class AccountEventsAuditor {

	private final ApplicationEventPublisher events;

	AccountEventsAuditor(ApplicationEventPublisher events) {
		this.events = events;
	}

	@EventListener
	void rememberMeTheft(RememberMeTheftEvent event) {
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.REMEMBER_ME_THEFT, event.userId(), event.details()));
	}

	@EventListener
	void reauthenticationFailure(ReauthenticationFailureEvent event) {
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.REAUTHENTICATION_FAILED, event.userId(), null));
	}
}
