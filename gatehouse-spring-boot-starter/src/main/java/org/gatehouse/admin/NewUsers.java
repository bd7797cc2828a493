package org.gatehouse.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.UserStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creates and invites the user of a new-user form and tells the admin whom: the same whether the
 * form was submitted directly or completed after re-authentication (a form with roles needs a
 * recent password, and the email may have been taken meanwhile, so every check runs again).
 */
class NewUsers {

	static final String FORM_VIEW = "gatehouse/admin/new_user";

	private final UserStore users;
	private final UserInvitations invitations;

	NewUsers(UserStore users, UserInvitations invitations) {
		this.users = users;
		this.invitations = invitations;
	}

	/** The user page with a notice naming the new user, or the form again with what is wrong in {@code errors}. */
	String create(long adminId, NewUserForm form, BindingResult errors, HttpServletRequest request,
			RedirectAttributes redirect) {
		List<String> roleNames = RoleList.parse(form.getRoles());
		if (roleNames.stream().anyMatch(r -> !RoleAssignments.isValidName(r))) {
			errors.rejectValue("roles", "admin.role.invalid");
		}
		if (!errors.hasFieldErrors("email") && users.emailTaken(form.getEmail())) {
			errors.rejectValue("email", "account.email.taken");
		}
		if (!errors.hasFieldErrors("username") && users.usernameTaken(form.getUsername())) {
			errors.rejectValue("username", "account.username.taken");
		}
		if (errors.hasErrors()) {
			return FORM_VIEW;
		}
		long id;
		try {
			id = invitations.invite(adminId, form.getEmail(), form.getUsername(), roleNames, request);
		}
		catch (DuplicateKeyException raceLost) {
			errors.rejectValue("email", "account.email.taken");
			return FORM_VIEW;
		}
		redirect.addFlashAttribute("notice", "admin.done.invited");
		redirect.addFlashAttribute("noticeUser", form.getEmail());
		redirect.addFlashAttribute("noticeRole", "");
		return "redirect:" + AdminPaths.user(id);
	}
}
