package org.gatehouse.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.token.BearerTokenVerifier;
import org.gatehouse.token.TokenScope;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The provider's access tokens as Bearer tokens of Gatehouse's own /api, like personal access tokens: the signature
 * and expiry are checked, then the authorization must still hold the token (revocation, a ban, a reset password or
 * a reused refresh token removed it) and the user be active. The scopes user:read and user:write become the personal
 * token scopes of the same names; no other scope grants anything on /api (never admin). A client's own token
 * (client credentials) has no user and is not accepted here.
 */
class OidcAccessTokens implements BearerTokenVerifier {

	private final JwtDecoder decoder;
	private final OAuth2AuthorizationService authorizations;
	private final UserStore users;

	OidcAccessTokens(JwtDecoder decoder, OAuth2AuthorizationService authorizations, UserStore users) {
		this.decoder = decoder;
		this.authorizations = authorizations;
		this.users = users;
	}

	@Override
	public Optional<Authentication> verify(String token) {
		try {
			decoder.decode(token);
		}
		catch (JwtException ex) {
			return Optional.empty();
		}
		OAuth2Authorization authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
		if (authorization == null || authorization.getAccessToken() == null
				|| !authorization.getAccessToken().isActive()) {
			return Optional.empty();
		}
		Long userId = UserIds.of(authorization.getPrincipalName());
		Optional<User> user = userId == null ? Optional.empty() : users.findById(userId).filter(User::active);
		return user.map(found -> new OidcAccessTokenAuthentication(AccountPrincipal.of(found),
				authorization.getAccessToken().getToken()));
	}

	/** A request authenticated by an access token of the provider; its authorities are the mapped scopes. */
	static final class OidcAccessTokenAuthentication extends AbstractAuthenticationToken {

		private static final long serialVersionUID = 1L;

		private final AccountPrincipal principal;

		OidcAccessTokenAuthentication(AccountPrincipal principal, OAuth2AccessToken token) {
			super(authorities(token));
			this.principal = principal;
			setAuthenticated(true);
		}

		private static List<GrantedAuthority> authorities(OAuth2AccessToken token) {
			List<GrantedAuthority> authorities = new ArrayList<>();
			for (String scope : token.getScopes()) {
				if (scope.equals(OidcScopes.USER_READ) || scope.equals(OidcScopes.USER_WRITE)) {
					TokenScope.parse(scope).ifPresent(s -> authorities.add(s.grantedAuthority()));
				}
			}
			return authorities;
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public AccountPrincipal getPrincipal() {
			return principal;
		}
	}
}
