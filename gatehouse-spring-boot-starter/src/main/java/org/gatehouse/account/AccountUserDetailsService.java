package org.gatehouse.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads an active user by id (the principal name), for remember-me logins. Deliberately not a
 * {@code UserDetailsService} bean: beside Gatehouse's AuthenticationProvider, Spring Security warns at
 * every start that such beans are not used for password logins (which is true, and intended).
 */
public class AccountUserDetailsService {

	private final UserStore users;

	public AccountUserDetailsService(UserStore users) {
		this.users = users;
	}

	public UserDetails loadUserByUsername(String id) {
		long userId;
		try {
			userId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new UsernameNotFoundException("No such user");
		}
		return users.findById(userId).filter(User::active).map(AccountPrincipal::of)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}
}
