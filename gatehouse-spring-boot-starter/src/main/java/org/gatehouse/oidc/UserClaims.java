package org.gatehouse.oidc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What a relying party learns about a user, by scope: {@code openid} the subject (the user id, stable across email
 * changes), {@code profile} the full name and username, {@code email} the address and whether it was confirmed,
 * {@code roles} the role names. The same claims go into the ID token and the userinfo response. Every token is
 * signed with the current key, named in its header.
 */
class UserClaims implements OAuth2TokenCustomizer<JwtEncodingContext>, Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

	private final UserStore users;
	private final JdbcClient jdbc;
	private final SigningKeys keys;

	UserClaims(UserStore users, JdbcClient jdbc, SigningKeys keys) {
		this.users = users;
		this.jdbc = jdbc;
		this.keys = keys;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		JWK key = keys.current();
		context.getJwsHeader().algorithm(SignatureAlgorithm.from(key.getAlgorithm().getName())).keyId(key.getKeyID());
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			Long userId = UserIds.of(context.getPrincipal().getName());
			if (userId != null) {
				claims(userId, context.getAuthorizedScopes()).forEach(context.getClaims()::claim);
			}
		}
	}

	@Override
	public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		Long userId = UserIds.of(authorization.getPrincipalName());
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(StandardClaimNames.SUB, authorization.getPrincipalName());
		if (userId != null) {
			claims.putAll(claims(userId, authorization.getAuthorizedScopes()));
		}
		return new OidcUserInfo(claims);
	}

	/** The claims of the scopes granted, or none when the user no longer exists. */
	Map<String, Object> claims(long userId, Set<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		User user = users.findById(userId).orElse(null);
		if (user == null) {
			return claims;
		}
		if (scopes.contains(OidcScopes.PROFILE)) {
			String fullName = jdbc.sql("select full_name from gh_user where id = ?").param(userId)
				.query(String.class).optional().orElse(null);
			if (fullName != null && !fullName.isBlank()) {
				claims.put(StandardClaimNames.NAME, fullName);
			}
			if (user.username() != null) {
				claims.put(StandardClaimNames.PREFERRED_USERNAME, user.username());
			}
		}
		if (scopes.contains(OidcScopes.EMAIL)) {
			claims.put(StandardClaimNames.EMAIL, user.email());
			claims.put(StandardClaimNames.EMAIL_VERIFIED, user.confirmed());
		}
		if (scopes.contains(OidcScopes.ROLES)) {
			// an ArrayList: the claims are stored as JSON with the authorization, and read back only as allow-listed types
			claims.put(OidcScopes.ROLES, new ArrayList<>(new TreeSet<>(users.withRoles(List.of(user)).get(0).roles())));
		}
		return claims;
	}

	/** The session id claim of an authorization's ID token, if it has one. */
	static String sid(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
		return idToken == null ? null : (String) idToken.getToken().getClaims().get("sid");
	}
}
