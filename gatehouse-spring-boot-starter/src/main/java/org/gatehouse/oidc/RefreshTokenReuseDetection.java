package org.gatehouse.oidc;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.crypto.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorization store with refresh-token theft detection. Spring Authorization Server replaces a refresh token
 * at each use (reuse-refresh-tokens false) and forgets the old one; this remembers the SHA-256 of every replaced
 * token until it would have expired. A replaced token presented again was copied: one of its two holders is not the
 * client, so the whole authorization (access, refresh and ID token) is revoked and the event audited.
 */
class RefreshTokenReuseDetection implements OAuth2AuthorizationService {

	private final OAuth2AuthorizationService stored;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RefreshTokenReuseDetection(OAuth2AuthorizationService stored, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.stored = stored;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		OAuth2Authorization previous = stored.findById(authorization.getId());
		stored.save(authorization);
		OAuth2RefreshToken replaced = previous == null || previous.getRefreshToken() == null ? null
				: previous.getRefreshToken().getToken();
		OAuth2Authorization.Token<OAuth2RefreshToken> now = authorization.getRefreshToken();
		if (replaced != null && (now == null || !now.getToken().getTokenValue().equals(replaced.getTokenValue()))) {
			jdbc.sql("insert into gh_oidc_replaced_refresh_token (token_hash, authorization_id, expires_at) values (?, ?, ?)")
				.params(hash(replaced.getTokenValue()), authorization.getId(), Timestamp.from(replaced.getExpiresAt()))
				.update();
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		stored.remove(authorization);
		jdbc.sql("delete from gh_oidc_replaced_refresh_token where authorization_id = ?").param(authorization.getId())
			.update();
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return stored.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		OAuth2Authorization found = stored.findByToken(token, tokenType);
		if (found == null && OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
			replacedIn(token).map(stored::findById).ifPresent(this::revokeFamily);
		}
		return found;
	}

	private Optional<String> replacedIn(String token) {
		return jdbc.sql("select authorization_id from gh_oidc_replaced_refresh_token where token_hash = ? and expires_at > ?")
			.params(hash(token), Timestamp.from(clock.instant()))
			.query(String.class).optional();
	}

	private void revokeFamily(OAuth2Authorization authorization) {
		remove(authorization);
		Long userId = UserIds.of(authorization.getPrincipalName());
		events.publishEvent(new SecurityEvent(SecurityEventType.OIDC_REFRESH_TOKEN_REUSED, null, userId,
				authorization.getRegisteredClientId()));
	}

	static String hash(String token) {
		return Sha256.hex(token);
	}
}
