package org.gatehouse.login.external;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.session.UserSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;

/**
 * What a provider's verified back-channel logout token does: it ends, through Gatehouse's session revocation (shared
 * store, near caches, remember-me), the sessions that this provider's sign-in of the user started — only the one of
 * the provider session it names ({@code sid}) when it names one — and tells the user in the security log. A token is
 * obeyed once: a replay, or a token too old to tell a replay from, ends nothing.
 */
class ProviderLogout {

	/** How old a logout token may be; its id is remembered this long (plus the allowed clock skew). */
	static final Duration MAX_AGE = Duration.ofMinutes(10);
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
	private static final int MAX_JTI_LENGTH = 255;
	private static final Logger log = LoggerFactory.getLogger(ProviderLogout.class);

	/** Why a verified token was not obeyed (the answer is a 400 that says so). */
	static final class RefusedException extends RuntimeException {
		RefusedException(String reason) {
			super(reason);
		}
	}

	private final ExternalIdentityStore identities;
	private final ObjectProvider<UserSessions> sessions;
	private final LogoutTokenLedger ledger;
	private final ExternalProviders providers;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ProviderLogout(ExternalIdentityStore identities, ObjectProvider<UserSessions> sessions, LogoutTokenLedger ledger,
			ExternalProviders providers, ApplicationEventPublisher events, Clock clock) {
		this.identities = identities;
		this.sessions = sessions;
		this.ledger = ledger;
		this.providers = providers;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Obeys a logout token whose signature, issuer, audience, events and claims Spring Security has checked.
	 * @return the number of sessions ended
	 * @throws RefusedException for a token too old, from the future, without sub, or seen before
	 */
	int signOut(String provider, OidcLogoutToken token) {
		Instant now = clock.instant();
		Instant issuedAt = token.getIssuedAt();
		if (issuedAt.isBefore(now.minus(MAX_AGE)) || issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
			throw new RefusedException("iat is not within " + MAX_AGE.toMinutes() + " minutes of now");
		}
		if (token.getId().length() > MAX_JTI_LENGTH) {
			throw new RefusedException("jti is too long");
		}
		// Gatehouse finds a user's sessions through the user; a token with a sid alone names no user
		if (token.getSubject() == null) {
			throw new RefusedException("sub is required");
		}
		if (!ledger.firstUse(provider, token.getId(), issuedAt.plus(MAX_AGE).plus(CLOCK_SKEW))) {
			throw new RefusedException("this logout token was used before");
		}
		Optional<LinkedIdentity> linked = identities.find(provider, token.getSubject());
		UserSessions userSessions = sessions.getIfAvailable();
		if (linked.isEmpty() || userSessions == null) {
			return 0;
		}
		long userId = linked.get().userId();
		int ended;
		try {
			ended = userSessions.revokeWithAttribute(userId, ProviderSession.ATTRIBUTE,
					value -> ProviderSession.decode(value)
						.filter(s -> s.endedBy(provider, token.getSubject(), token.getSessionId()))
						.isPresent());
		}
		catch (RuntimeException storeDown) {
			// not obeyed: the provider's retry of the same token must not be refused as a replay
			ledger.forget(provider, token.getId());
			throw storeDown;
		}
		log.info("Back-channel logout from {} ended {} session(s) of user {}", provider, ended, userId);
		if (ended > 0) {
			events.publishEvent(SecurityEvent.byUser(SecurityEventType.EXTERNAL_SIGNED_OUT, userId,
					providers.displayName(provider)));
		}
		return ended;
	}
}
