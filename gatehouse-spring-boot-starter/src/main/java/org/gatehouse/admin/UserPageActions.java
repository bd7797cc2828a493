package org.gatehouse.admin;

import org.gatehouse.account.User;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Performs a privileged action of the admin user page and tells the admin what happened, the same
 * whether the action was submitted directly or completed after re-authentication.
 */
class UserPageActions {

	private final AdminUserActions actions;

	UserPageActions(AdminUserActions actions) {
		this.actions = actions;
	}

	/** Performs the action and returns the view of the user page, with a notice naming the user (and role). */
	String perform(long adminId, PendingAdminAction.Kind kind, User user, String role, RedirectAttributes redirect) {
		String notice = switch (kind) {
			case BAN -> {
				actions.ban(adminId, user);
				yield "admin.done.banned";
			}
			case UNBAN -> {
				actions.unban(adminId, user);
				yield "admin.done.unbanned";
			}
			case ADD_ROLE -> actions.addRole(adminId, user, role) ? "admin.done.role-added" : "admin.role.invalid";
			case REMOVE_ROLE -> {
				actions.removeRole(adminId, user, role);
				yield "admin.done.role-removed";
			}
			case CREATE_USER -> throw new IllegalArgumentException("Not an action of the user page: " + kind);
		};
		redirect.addFlashAttribute("notice", notice);
		// flash attributes live in the session, which stores strings but not lists
		redirect.addFlashAttribute("noticeUser", user.email());
		redirect.addFlashAttribute("noticeRole", role == null ? "" : role);
		return "redirect:" + AdminPaths.user(user.id());
	}
}
