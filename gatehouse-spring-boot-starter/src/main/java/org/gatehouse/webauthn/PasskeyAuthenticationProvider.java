package org.gatehouse.webauthn;

import java.util.Collection;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.UnconfirmedAccountException;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Spring Security's {@link WebAuthnAuthenticationProvider} (the assertion verified by webauthn4j,
 * the {@code FACTOR_WEBAUTHN} authority added) for a Gatehouse account: the result carries the
 * {@link AccountPrincipal} every other login carries, so sessions, pages and the session store treat
 * it alike. Inactive (banned) accounts fail as an unknown key does; unconfirmed ones as a password
 * login does.
 */
class PasskeyAuthenticationProvider implements AuthenticationProvider {

	private final WebAuthnAuthenticationProvider webAuthn;
	private final UserStore users;

	PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations operations, UserStore users,
			GatehouseProperties properties) {
		this.users = users;
		this.webAuthn = new WebAuthnAuthenticationProvider(operations, email -> {
			User user = users.findByEmail(email).filter(User::active)
				.orElseThrow(() -> new UsernameNotFoundException("No such user"));
			GatehouseProperties.Features features = properties.getFeatures();
			if (features.isConfirmable() && !features.isLoginWithoutConfirmation() && !user.confirmed()) {
				throw new UnconfirmedAccountException();
			}
			return AccountPrincipal.of(user);
		});
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Authentication verified = webAuthn.authenticate(authentication);
		AccountPrincipal principal = AccountPrincipal.of(users.findByEmail(verified.getName()).orElseThrow());
		Collection<? extends GrantedAuthority> authorities = verified.getAuthorities();
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				authorities);
		result.setDetails(authentication.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
	}
}
