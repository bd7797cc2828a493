package org.gatehouse.audit;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * Turns Spring Security's login, login-failure and logout events into security log events. A login
 * is a password, remember-me or emailed-link authentication (the last has the FACTOR_OTT authority);
 * a personal access token authenticates each API request, and its events (a failed one has no account
 * to name) are left to other listeners.
 */
class AuthenticationEventsAuditor {

	private final ApplicationEventPublisher events;
	private final UserStore users;

	AuthenticationEventsAuditor(ApplicationEventPublisher events, UserStore users) {
		this.events = events;
		this.users = users;
	}

	@EventListener
	public void loggedIn(AuthenticationSuccessEvent event) {
		Authentication auth = event.getAuthentication();
		if (isLogin(auth) && auth.getPrincipal() instanceof AccountPrincipal principal) {
			String how = auth instanceof RememberMeAuthenticationToken ? "remember-me"
					: hasAuthority(auth, FactorGrantedAuthority.OTT_AUTHORITY) ? "email-link"
					: hasAuthority(auth, FactorGrantedAuthority.WEBAUTHN_AUTHORITY) ? "passkey" : "password";
			events.publishEvent(SecurityEvent.byUser(SecurityEventType.LOGIN_SUCCESS, principal.id(), how));
		}
	}

	/** The typed login is not stored: people type passwords into it. A known account is the subject. */
	@EventListener
	public void loginFailed(AbstractAuthenticationFailureEvent event) {
		if (!isLogin(event.getAuthentication())) {
			return;
		}
		Long subject = users.findByLogin(event.getAuthentication().getName()).map(User::id).orElse(null);
		String reason = event.getException().getClass().getSimpleName();
		events.publishEvent(new SecurityEvent(SecurityEventType.LOGIN_FAILURE, null, subject,
				subject == null ? reason + " (unknown login)" : reason));
	}

	@EventListener
	public void loggedOut(LogoutSuccessEvent event) {
		if (event.getAuthentication() != null
				&& event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
			events.publishEvent(SecurityEvent.byUser(SecurityEventType.LOGOUT, principal.id(), null));
		}
	}

	private static boolean hasAuthority(Authentication auth, String authority) {
		return auth.getAuthorities().stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
	}

	private static boolean isLogin(Authentication auth) {
		return auth instanceof UsernamePasswordAuthenticationToken || auth instanceof RememberMeAuthenticationToken;
	}
}
