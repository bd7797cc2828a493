package org.gatehouse.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountLinks;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.mail.AccountMailer;
import org.springframework.context.ApplicationEventPublisher;

/**
 * An administrator creates an account without a password and mails the user a link to set
 * one. An account created with roles is a grant of privilege: it needs the admin's recent
 * password like adding a role to an existing user, or a hijacked admin session could mint a
 * permanent administrator through an invitation to an address it controls.
 */
public class UserInvitations {

	private final UserStore users;
	private final RoleAssignments roles;
	private final InvitationLinks invitations;
	private final AccountLinks links;
	private final AccountMailer mailer;
	private final AdminActionRule adminRule;
	private final ApplicationEventPublisher events;

	public UserInvitations(UserStore users, RoleAssignments roles, InvitationLinks invitations, AccountLinks links,
			AccountMailer mailer, AdminActionRule adminRule, ApplicationEventPublisher events) {
		this.users = users;
		this.roles = roles;
		this.invitations = invitations;
		this.links = links;
		this.mailer = mailer;
		this.adminRule = adminRule;
		this.events = events;
	}

	/**
	 * Creates the account with its (already validated) roles and sends the invitation.
	 *
	 * @return the new user's id
	 * @throws org.springframework.dao.DuplicateKeyException when the email or username was taken meanwhile
	 */
	public long invite(long adminId, String email, String username, List<String> roleNames,
			HttpServletRequest request) {
		if (!roleNames.isEmpty()) {
			adminRule.require();
		}
		long id = users.create(email, username, null, false);
		roleNames.forEach(role -> roles.add(adminId, id, role));
		User user = users.findById(id).orElseThrow();
		mailer.send(user.email(), "invitation", links.absolute(request, InvitationLinks.PATH + invitations.token(user)));
		events.publishEvent(SecurityEvent.byAdmin(SecurityEventType.USER_INVITED, adminId, id, null));
		return id;
	}
}
