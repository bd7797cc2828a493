package org.gatehouse.token;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.gatehouse.account.AccountPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by a personal access token. Its authorities are the token's
 * scopes; the user's roles are added only to admin-scoped tokens, so a token never
 * carries more power than its scopes say.
 */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final AccountPrincipal principal;
	private final long tokenId;
	private final Set<TokenScope> scopes;

	public ApiTokenAuthentication(AccountPrincipal principal, ApiToken token) {
		super(authorities(principal, token.scopes()));
		this.principal = principal;
		this.tokenId = token.id();
		this.scopes = Set.copyOf(token.scopes());
		setAuthenticated(true);
	}

	private static Collection<GrantedAuthority> authorities(AccountPrincipal principal, Set<TokenScope> scopes) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		scopes.forEach(s -> authorities.add(s.grantedAuthority()));
		if (scopes.contains(TokenScope.ADMIN)) {
			authorities.addAll(principal.getAuthorities());
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

	public long tokenId() {
		return tokenId;
	}

	public Set<TokenScope> scopes() {
		return scopes;
	}
}
