package org.gatehouse.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.Reauthentication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin confirms their password before actions that grant or take access; the session gets a
 * new id. The action that asked for it, when one is pending in the session, is then performed
 * (as GitHub's and Keycloak's "sudo mode" re-submit the original request): a user-page action,
 * or the new-user form, which is shown again if it no longer passes (the email taken meanwhile).
 */
@Controller
public class ReauthenticationController {

	private final Reauthentication reauthentication;
	private final AdminUserActions actions;
	private final UserPageActions pageActions;
	private final NewUsers newUsers;

	ReauthenticationController(Reauthentication reauthentication, AdminUserActions actions,
			UserPageActions pageActions, NewUsers newUsers) {
		this.reauthentication = reauthentication;
		this.actions = actions;
		this.pageActions = pageActions;
		this.newUsers = newUsers;
	}

	@GetMapping(AdminPaths.REAUTH)
	public String form(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
		return page(next, request, model);
	}

	@PostMapping(AdminPaths.REAUTH)
	public String confirm(@AuthenticationPrincipal AccountPrincipal admin, @RequestParam(required = false) String password,
			@RequestParam(required = false) String next, @RequestParam(required = false) String action,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (!reauthentication.confirm(admin.id(), password, request)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("wrongPassword", true);
			return page(next, request, model);
		}
		return PendingAdminAction.take(request.getSession(false), action)
			.map(pending -> perform(admin.id(), pending, request, model, redirect))
			.orElse("redirect:" + safeNext(next));
	}

	private String perform(long adminId, PendingAdminAction pending, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		if (pending.kind() == PendingAdminAction.Kind.CREATE_USER) {
			NewUserForm form = pending.newUserForm();
			BindingResult errors = new BeanPropertyBindingResult(form, "form");
			model.addAllAttributes(errors.getModel());
			return newUsers.create(adminId, form, errors, request, redirect);
		}
		return pageActions.perform(adminId, pending.kind(), actions.find(Long.toString(pending.userId())),
				pending.role(), redirect);
	}

	private String page(String next, HttpServletRequest request, Model model) {
		model.addAttribute("next", safeNext(next));
		model.addAttribute("minutes", reauthentication.timeout().toMinutes());
		if (request.getUserPrincipal() != null && SecurityContextHolder.getContext().getAuthentication()
			.getPrincipal() instanceof AccountPrincipal admin) {
			model.addAttribute("codeRequired", reauthentication.asksForCode(admin.id()));
		}
		PendingAdminAction.peek(request.getSession(false))
			.ifPresent(pending -> model.addAttribute("pendingAction", pending.id()));
		return "gatehouse/admin/reauth";
	}

	private static String safeNext(String next) {
		return AdminPaths.isAdminPage(next) ? next : AdminPaths.USERS;
	}
}
