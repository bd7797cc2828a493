package org.gatehouse.account;

import java.time.Instant;
import java.util.Set;

/** A row of gh_user with its role names. */
public record User(long id, String email, String username, String passwordHash, boolean active,
		Instant confirmedAt, Instant createdAt, Instant currentLoginAt, Instant lastLoginAt,
		String currentLoginIp, String lastLoginIp, int loginCount, String securityStamp, Set<String> roles) {

	public boolean confirmed() {
		return confirmedAt != null;
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	public User withRoles(Set<String> newRoles) {
		return new User(id, email, username, passwordHash, active, confirmedAt, createdAt, currentLoginAt,
				lastLoginAt, currentLoginIp, lastLoginIp, loginCount, securityStamp, Set.copyOf(newRoles));
	}
}
