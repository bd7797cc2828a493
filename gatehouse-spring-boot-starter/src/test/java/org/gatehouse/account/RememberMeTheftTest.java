package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.gatehouse.mail.AccountMailer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A detected theft must end the remember-me logins (what would log the thief back in) even when
 * the session store is down, and must not fail the request with the store's exception.
 */
class RememberMeTheftTest {

	@Test
	void theRememberMeLoginsEndFirstAndASessionStoreFailureDoesNotUndoThat() {
		RememberMeTokenStore rememberMe = mock(RememberMeTokenStore.class);
		SessionRevocation sessions = mock(SessionRevocation.class);
		when(sessions.revokeAll(7L)).thenThrow(new DataAccessResourceFailureException("Redis down"));
		UserStore users = mock(UserStore.class);
		when(users.findById(7L)).thenReturn(Optional.empty());
		ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

		new RememberMeTheft(rememberMe, sessions, users, mock(AccountMailer.class), events).detected(7L);

		verify(rememberMe).deleteAllFor(7L);
		ArgumentCaptor<Object> event = ArgumentCaptor.forClass(Object.class);
		verify(events).publishEvent(event.capture());
		assertThat(event.getValue()).isInstanceOf(RememberMeTheftEvent.class);
		assertThat(event.getValue().toString()).contains("could not be ended");
	}
}
