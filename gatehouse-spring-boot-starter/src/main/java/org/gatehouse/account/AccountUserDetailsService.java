package org.gatehouse.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Loads an active user by id (the principal name), for remember-me logins. */
public class AccountUserDetailsService implements UserDetailsService {

	private final UserStore users;

	public AccountUserDetailsService(UserStore users) {
		this.users = users;
	}

	@Override
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
