package org.gatehouse.oidc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * What Gatehouse tells the relying parties when a user's access ends here: a revoked session, a ban or a password
 * reset removes every authorization of the user (refresh, access and ID tokens: refreshing fails, /userinfo and
 * /api answer 401, introspection says inactive), and each client that registered a back-channel logout URI gets a
 * logout token for each of the user's sessions with it. Revoking one session revokes all of the user's
 * authorizations: which relying-party sessions began in which Gatehouse session is not tracked across logins.
 */
class DownstreamRevocation {

	static final Set<SecurityEventType> TRIGGERS = Set.of(SecurityEventType.SESSION_REVOKED,
			SecurityEventType.USER_BANNED, SecurityEventType.PASSWORD_RESET);

	private final JdbcClient jdbc;
	private final OAuth2AuthorizationService authorizations;
	private final RegisteredClientRepository clients;
	private final BackchannelLogout backchannel;
	private final ApplicationEventPublisher events;

	DownstreamRevocation(JdbcClient jdbc, OAuth2AuthorizationService authorizations, RegisteredClientRepository clients,
			BackchannelLogout backchannel, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.authorizations = authorizations;
		this.clients = clients;
		this.backchannel = backchannel;
		this.events = events;
	}

	@EventListener
	void accessEnded(SecurityEvent event) {
		if (TRIGGERS.contains(event.type()) && event.subjectUserId() != null) {
			revokeAllFor(event.subjectUserId(), event.actorUserId());
		}
	}

	/** Revokes the user's authorizations and notifies relying parties; the notices sent. */
	List<BackchannelLogout.Notice> revokeAllFor(long userId, Long actorUserId) {
		List<String> ids = jdbc.sql("select id from oauth2_authorization where principal_name = ?")
			.param(Long.toString(userId)).query(String.class).list();
		Set<BackchannelLogout.Notice> notices = new LinkedHashSet<>();
		for (String id : ids) {
			OAuth2Authorization authorization = authorizations.findById(id);
			if (authorization == null) {
				continue;
			}
			authorizations.remove(authorization);
			BackchannelLogout.Notice notice = notice(authorization);
			if (notice != null) {
				notices.add(notice);
			}
		}
		if (ids.isEmpty()) {
			return List.of();
		}
		notices.forEach(backchannel::send);
		events.publishEvent(new SecurityEvent(SecurityEventType.OIDC_TOKENS_REVOKED, actorUserId, userId,
				ids.size() + " authorizations, " + notices.size() + " back-channel logouts"));
		return new ArrayList<>(notices);
	}

	private BackchannelLogout.Notice notice(OAuth2Authorization authorization) {
		RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
		Object uri = client == null ? null : client.getClientSettings().getSetting(OidcClients.BACKCHANNEL_LOGOUT_URI);
		OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
		if (uri == null || idToken == null) {
			return null; // no ID token: the relying party never had a login to end
		}
		OidcIdToken token = idToken.getToken();
		return new BackchannelLogout.Notice(token.getIssuer().toString(), client.getClientId(), uri.toString(),
				token.getSubject(), UserClaims.sid(authorization));
	}
}
