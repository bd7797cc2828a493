package org.gatehouse.admin;

import org.gatehouse.http.LocalizedStatusException;
import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.confirmation.ConfirmationMails;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.session.UserSessions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;

/**
 * What an administrator does to a user, for the admin pages and the /api/admin/ JSON API
 * alike: the rules (unknown ids are 404, no self-ban, role names, a recent password for every
 * action that grants or takes access) and the audit events live here, the controllers only answer.
 */
public class AdminUserActions {

	private final UserStore users;
	private final UserSessions sessions;
	private final BanService bans;
	private final RoleAssignments roles;
	private final ConfirmationMails confirmations;
	private final LoginLocks locks;
	private final AdminActionRule adminRule;
	private final ApplicationEventPublisher events;

	public AdminUserActions(UserStore users, UserSessions sessions, BanService bans, RoleAssignments roles,
			ConfirmationMails confirmations, LoginLocks locks, AdminActionRule adminRule,
			ApplicationEventPublisher events) {
		this.users = users;
		this.sessions = sessions;
		this.bans = bans;
		this.roles = roles;
		this.confirmations = confirmations;
		this.locks = locks;
		this.adminRule = adminRule;
		this.events = events;
	}

	/** The user named by a URL id; 404 for unknown and malformed ids alike. */
	public User find(String id) {
		try {
			return users.findById(Long.parseLong(id))
				.orElseThrow(() -> new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.no-such-user"));
		}
		catch (NumberFormatException ex) {
			throw new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.no-such-user");
		}
	}

	/** Ends every session, remember-me login and token of the user; 400 for the admin's own account. */
	public int ban(long adminId, User user) {
		adminRule.require();
		if (user.id() == adminId) {
			throw new LocalizedStatusException(HttpStatus.BAD_REQUEST, "problem.self-ban");
		}
		return bans.ban(adminId, user.id());
	}

	public void unban(long adminId, User user) {
		adminRule.require();
		bans.unban(adminId, user.id());
	}

	/** Gives the role; false (and nothing done) when it is not a valid role name. */
	public boolean addRole(long adminId, User user, String role) {
		adminRule.require();
		return roles.add(adminId, user.id(), role);
	}

	/** Takes the role, ending the user's sessions; 404 when the user does not have it. */
	public void removeRole(long adminId, User user, String role) {
		adminRule.require();
		if (!roles.remove(adminId, user, role)) {
			throw new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.role-not-held");
		}
	}

	/** Ends one session of the user, named by its public id; 404 when it is not theirs. */
	public void revokeSession(long adminId, User user, String ref) {
		adminRule.require();
		if (!sessions.revoke(user.id(), ref)) {
			throw new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.no-such-session");
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

	/** Ends the login lock of the account (too many failed logins) like the {@code users unlock} command. */
	public void unlock(long adminId, User user) {
		adminRule.require();
		locks.unlock(adminId, user);
	}
}
