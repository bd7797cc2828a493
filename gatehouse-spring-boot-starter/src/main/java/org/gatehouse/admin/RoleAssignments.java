package org.gatehouse.admin;

import java.util.Locale;
import java.util.regex.Pattern;

import org.gatehouse.account.CredentialRevocation;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Gives and takes named roles, for the admin pages, the admin API and the command line alike.
 * Sessions hold the roles of their login, so taking a role ends the user's sessions: a removed
 * privilege must not outlive the change.
 */
public class RoleAssignments {

	/** What the admin API and the command line answer to a role name that is not one. */
	public static final String INVALID_NAME = "Not a valid role name.";

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

	/** A role name as typed, in the form roles are stored: stripped, lower case. */
	public static String normalize(String role) {
		return role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Gives the role (normalised); false, and nothing done, when it is not a valid role name.
	 *
	 * @param actorId the administrator, or null from the command line
	 */
	public boolean add(Long actorId, long userId, String role) {
		String name = normalize(role);
		if (!isValidName(name)) {
			return false;
		}
		users.addRole(userId, name);
		events.publishEvent(new SecurityEvent(SecurityEventType.ROLE_ADDED, actorId, userId, name));
		return true;
	}

	/**
	 * Takes the role and ends the user's sessions and remember-me logins; false, and nothing done,
	 * when the user does not have it.
	 *
	 * @param actorId the administrator, or null from the command line
	 */
	public boolean remove(Long actorId, User user, String role) {
		if (role == null || !user.hasRole(role)) {
			return false;
		}
		users.removeRole(user.id(), role);
		revocation.revokeAll(user.id(), null);
		events.publishEvent(new SecurityEvent(SecurityEventType.ROLE_REMOVED, actorId, user.id(), role));
		return true;
	}
}
