package org.gatehouse.passwordless;

import org.gatehouse.account.AccountUserDetailsService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.ott.InvalidOneTimeTokenException;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Spring Security's {@link OneTimeTokenAuthenticationProvider} (the token consumed by {@link LoginLinkTokenService},
 * the active account loaded by id, the FACTOR_OTT authority added), its result handed on as the session keeps logins:
 * a {@code UsernamePasswordAuthenticationToken} with the same principal, authorities (FACTOR_OTT among them) and
 * details. Spring Security has no JSON form for its {@code OneTimeTokenAuthentication}, so the JDBC and Redis session
 * stores could not keep it; its FACTOR_OTT authority is what tells this login from a password one.
 */
class LoginLinkAuthenticationProvider implements AuthenticationProvider {

	private final OneTimeTokenAuthenticationProvider oneTimeTokens;

	LoginLinkAuthenticationProvider(LoginLinkTokenService tokens, AccountUserDetailsService accounts) {
		this.oneTimeTokens = new OneTimeTokenAuthenticationProvider(tokens, accounts::loadUserByUsername);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Authentication authenticated;
		try {
			authenticated = oneTimeTokens.authenticate(authentication);
		}
		catch (InvalidOneTimeTokenException invalid) {
			// a BadCredentialsException, as for a wrong password: Spring's event publisher maps it to a failure event
			throw new BadCredentialsException("Invalid, expired or used sign-in link or code", invalid);
		}
		UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken
			.authenticated(authenticated.getPrincipal(), null, authenticated.getAuthorities());
		login.setDetails(authenticated.getDetails());
		return login;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OneTimeTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
