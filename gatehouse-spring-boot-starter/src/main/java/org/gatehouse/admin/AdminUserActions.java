package org.gatehouse.admin;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.confirmation.ConfirmationMails;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.session.UserSessions;
import org.gatehouse.throttle.LoginThrottle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an administrator does to a user, for the admin pages and the /api/admin/ JSON API
 * alike: the rules (unknown ids are 404, no self-ban, role names, a recent password for every
 * action that grants or takes access) and the audit events live here, the controllers only answer.
 */
@Service
public class AdminUserActions {

	private final UserStore users;
	private final UserSessions sessions;
	private final BanService bans;
	private final RoleAssignments roles;
	private final ConfirmationMails confirmations;
	private final LoginThrottle throttle;
	private final AdminActionRule adminRule;
	private final ApplicationEventPublisher events;

	public AdminUserActions(UserStore users, UserSessions sessions, BanService bans, RoleAssignments roles,
			ConfirmationMails confirmations, LoginThrottle throttle, AdminActionRule adminRule,
			ApplicationEventPublisher events) {
		this.users = users;
		this.sessions = sessions;
		this.bans = bans;
		this.roles = roles;
		this.confirmations = confirmations;
		this.throttle = throttle;
		this.adminRule = adminRule;
		this.events = events;
	}

	/** The user named by a URL id; 404 for unknown and malformed ids alike. */
	public User find(String id) {
		try {
			return users.findById(Long.parseLong(id))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user"));
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user");
		}
	}

	/** Ends every session, remember-me login and token of the user; 400 for the admin's own account. */
	public int ban(long adminId, User user) {
		adminRule.require();
		if (user.id() == adminId) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Administrators cannot ban themselves");
		}
		return bans.ban(adminId, user.id());
	}

	public void unban(long adminId, User user) {
		adminRule.require();
		bans.unban(adminId, user.id());
	}

	/** A role name as typed, in the form roles are stored: stripped, lower case. */
	public static String normalizeRole(String role) {
		return role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
	}

	/** Gives the role; false (and nothing done) when it is not a valid role name. */
	public boolean addRole(long adminId, User user, String role) {
		adminRule.require();
		String name = normalizeRole(role);
		if (!RoleAssignments.isValidName(name)) {
			return false;
		}
		roles.add(adminId, user.id(), name);
		return true;
	}

	/** Takes the role, ending the user's sessions; 404 when the user does not have it. */
	public void removeRole(long adminId, User user, String role) {
		adminRule.require();
		if (role == null || !user.hasRole(role)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The user does not have this role");
		}
		roles.remove(adminId, user.id(), role);
	}

	/** Ends one session of the user, named by its public id; 404 when it is not theirs. */
	public void revokeSession(long adminId, User user, String ref) {
		adminRule.require();
		if (!sessions.revoke(user.id(), ref)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such session");
		}
		events.publishEvent(SecurityEvent.byAdmin(SecurityEventType.SESSION_REVOKED, adminId, user.id(), null));
	}

	/** @return the number of sessions ended */
	public int revokeAllSessions(long adminId, User user) {
		adminRule.require();
		int count = sessions.revokeAll(user.id());
		events.publishEvent(SecurityEvent.byAdmin(SecurityEventType.SESSION_REVOKED, adminId, user.id(),
				"all: " + count));
		return count;
	}

	/** Sends a new confirmation link; false (nothing sent) when the address is already confirmed. */
	public boolean resendConfirmation(long adminId, User user, HttpServletRequest request) {
		if (user.confirmed()) {
			return false;
		}
		confirmations.send(user, request);
		events.publishEvent(SecurityEvent.byAdmin(SecurityEventType.CONFIRMATION_RESENT, adminId, user.id(), null));
		return true;
	}

	/**
	 * Ends the login lock of the account (too many failed logins) like the {@code users unlock}
	 * command. An account's lock is kept under its email whatever spelling was used to log in; the
	 * username's key is cleared too, for a lock counted under it by an earlier version.
	 */
	public void unlock(long adminId, User user) {
		adminRule.require();
		throttle.unlock(user.email());
		if (user.username() != null) {
			throttle.unlock(user.username());
		}
		events.publishEvent(SecurityEvent.byAdmin(SecurityEventType.USER_UNLOCKED, adminId, user.id(), null));
	}
}
