package org.gatehouse.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated user as stored in the session. Its name is the user id, so the session
 * store's principal index keeps working when the user changes email or username.
 */
public record AccountPrincipal(long id, String email, String username, Set<String> roles)
		implements UserDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	public static AccountPrincipal of(User user) {
		return new AccountPrincipal(user.id(), user.email(), user.username(), Set.copyOf(user.roles()));
	}

	/** Shown to the user: username when set, else email. */
	public String displayName() {
		return username != null ? username : email;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
	}

	@Override
	public String getPassword() {
		return null;
	}

	@Override
	public String getUsername() {
		return Long.toString(id);
	}

	public List<String> sortedRoles() {
		return roles.stream().sorted().toList();
	}
}
