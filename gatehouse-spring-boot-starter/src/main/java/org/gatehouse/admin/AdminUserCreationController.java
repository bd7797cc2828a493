package org.gatehouse.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.UserStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins create accounts (also with self sign-up off); the user gets a link to set a password ({@link UserInvitations}). */
@Controller
@PreAuthorize("hasRole('admin')")
public class AdminUserCreationController {

	private final UserStore users;
	private final UserInvitations invitations;

	public AdminUserCreationController(UserStore users, UserInvitations invitations) {
		this.users = users;
		this.invitations = invitations;
	}

	@GetMapping(AdminPaths.NEW_USER)
	public String form(Model model) {
		model.addAttribute("form", new NewUserForm());
		return "gatehouse/admin/new_user";
	}

	@PostMapping(AdminPaths.NEW_USER)
	public String create(@AuthenticationPrincipal AccountPrincipal admin, @Valid @ModelAttribute("form") NewUserForm form,
			BindingResult errors, HttpServletRequest request, RedirectAttributes redirect) {
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
			return "gatehouse/admin/new_user";
		}
		long id;
		try {
			id = invitations.invite(admin.id(), form.getEmail(), form.getUsername(), roleNames, request);
		}
		catch (DuplicateKeyException raceLost) {
			errors.rejectValue("email", "account.email.taken");
			return "gatehouse/admin/new_user";
		}
		redirect.addFlashAttribute("notice", "admin.user.invited");
		return "redirect:" + AdminPaths.user(id);
	}
}
