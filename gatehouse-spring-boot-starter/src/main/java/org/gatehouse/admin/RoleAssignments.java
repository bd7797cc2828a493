package org.gatehouse.admin;

import java.util.regex.Pattern;

import org.gatehouse.account.CredentialRevocation;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Gives and takes named roles. Sessions hold the roles of their login, so taking a role
 * ends the user's sessions: a removed privilege must not outlive the change.
 */
@Service
public class RoleAssignments {

	/** Role names as they appear in ROLE_ authorities and hasRole('...') expressions. */
	private static final Pattern ROLE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,79}");

	private final UserStore users;
	private final CredentialRevocation revocation;
	private final ApplicationEventPublisher events;

	public RoleAssignments(UserStore users, CredentialRevocation revocation, ApplicationEventPublisher events) {
		this.users = users;
		this.revocation = revocation;
		this.events = events;
	}

	public static boolean isValidName(String role) {
		return role != null && ROLE_NAME.matcher(role).matches();
	}

	public void add(Long adminId, long userId, String role) {
		requireValid(role);
		users.addRole(userId, role);
		events.publishEvent(new SecurityEvent(SecurityEventType.ROLE_ADDED, adminId, userId, role));
	}

	public void remove(Long adminId, long userId, String role) {
		requireValid(role);
		users.removeRole(userId, role);
		revocation.revokeAll(userId, null);
		events.publishEvent(new SecurityEvent(SecurityEventType.ROLE_REMOVED, adminId, userId, role));
	}

	private static void requireValid(String role) {
		if (!isValidName(role)) {
			throw new IllegalArgumentException("Not a role name: " + role);
		}
	}
}
