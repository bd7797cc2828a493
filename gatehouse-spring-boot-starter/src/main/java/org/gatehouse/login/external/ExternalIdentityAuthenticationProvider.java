package org.gatehouse.login.external;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.UnconfirmedAccountException;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;

/**
 * Signs in the Gatehouse user linked to an external identity, with the rules of a password login: a banned
 * (inactive) account is refused, and so is an unconfirmed one where confirmation is required before login.
 */
class ExternalIdentityAuthenticationProvider implements AuthenticationProvider {

	private final ExternalIdentityStore identities;
	private final UserStore users;
	private final GatehouseProperties properties;

	ExternalIdentityAuthenticationProvider(ExternalIdentityStore identities, UserStore users,
			GatehouseProperties properties) {
		this.identities = identities;
		this.users = users;
		this.properties = properties;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		ExternalIdentityAuthentication attempt = (ExternalIdentityAuthentication) authentication;
		User user = identities.find(attempt.provider(), attempt.subject())
			.flatMap(linked -> users.findById(linked.userId()))
			.orElseThrow(() -> new BadCredentialsException("Identity not linked"));
		if (!user.active()) {
			throw new DisabledException("Account deactivated");
		}
		GatehouseProperties.Features features = properties.getFeatures();
		if (features.isConfirmable() && !features.isLoginWithoutConfirmation() && !user.confirmed()) {
			throw new UnconfirmedAccountException();
		}
		return ExternalIdentityAuthentication.authenticated(attempt.provider(), attempt.subject(),
				AccountPrincipal.of(user));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ExternalIdentityAuthentication.class.isAssignableFrom(authentication);
	}
}
