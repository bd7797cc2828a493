package org.gatehouse.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.gatehouse.account.AccountPrincipal;
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

	private final NewUsers newUsers;

	AdminUserCreationController(NewUsers newUsers) {
		this.newUsers = newUsers;
	}

	@GetMapping(AdminPaths.NEW_USER)
	public String form(Model model) {
		model.addAttribute("form", new NewUserForm());
		return NewUsers.FORM_VIEW;
	}

	@PostMapping(AdminPaths.NEW_USER)
	public String create(@AuthenticationPrincipal AccountPrincipal admin, @Valid @ModelAttribute("form") NewUserForm form,
			BindingResult errors, HttpServletRequest request, RedirectAttributes redirect) {
		return newUsers.create(admin.id(), form, errors, request, redirect);
	}
}
