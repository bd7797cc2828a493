package org.gatehouse.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.session.UserSessions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin user list and user page with its actions. Every user id in a URL is looked up
 * and answers 404 when unknown; actions that grant or take access need a fresh password
 * ({@link AdminUserActions} applies the rule).
 */
@Controller
@PreAuthorize("hasRole('admin')")
public class AdminUsersController {

	static final int PAGE_SIZE = UserSearch.PAGE_SIZE;

	private final UserStore users;
	private final UserSearch search;
	private final UserSessions sessions;
	private final AdminUserActions actions;
	private final UserPageActions pageActions;

	AdminUsersController(UserStore users, UserSearch search, UserSessions sessions, AdminUserActions actions,
			UserPageActions pageActions) {
		this.users = users;
		this.search = search;
		this.sessions = sessions;
		this.actions = actions;
		this.pageActions = pageActions;
	}

	@GetMapping({ "/admin", AdminPaths.HOME })
	public String home() {
		return "redirect:" + AdminPaths.USERS;
	}

	@GetMapping(AdminPaths.USERS)
	public String list(@RequestParam(required = false) @Size(max = UserSearch.MAX_QUERY_LENGTH) String q,
			@RequestParam(defaultValue = "email") @Size(max = 20) String by,
			@RequestParam(required = false) @Size(max = UserSearch.MAX_QUERY_LENGTH) String after, Model model) {
		UserSearch.Field field = UserSearch.Field.parse(by).orElse(UserSearch.Field.EMAIL);
		String prefix = q == null ? null : q.strip();
		UserSearch.Page page = search.search(prefix, field, after);
		model.addAttribute("q", prefix);
		model.addAttribute("by", field.value());
		model.addAttribute("page", page);
		return "gatehouse/admin/users";
	}

	@GetMapping(AdminPaths.USERS + "{id}")
	public String show(@PathVariable String id, Model model) {
		User user = actions.find(id);
		model.addAttribute("user", user);
		model.addAttribute("bannedAt", user.active() ? null : users.bannedAt(user.id()).orElse(null));
		model.addAttribute("sessions", sessions.list(user.id(), null));
		model.addAttribute("knownRoles", users.roleNames());
		return "gatehouse/admin/user";
	}

	@PostMapping(AdminPaths.USERS + "{id}/ban")
	public String ban(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			RedirectAttributes redirect) {
		return pageActions.perform(admin.id(), PendingAdminAction.Kind.BAN, actions.find(id), null, redirect);
	}

	@PostMapping(AdminPaths.USERS + "{id}/unban")
	public String unban(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			RedirectAttributes redirect) {
		return pageActions.perform(admin.id(), PendingAdminAction.Kind.UNBAN, actions.find(id), null, redirect);
	}

	@PostMapping(AdminPaths.USERS + "{id}/roles/add")
	public String addRole(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@RequestParam String role, RedirectAttributes redirect) {
		return pageActions.perform(admin.id(), PendingAdminAction.Kind.ADD_ROLE, actions.find(id), role, redirect);
	}

	@PostMapping(AdminPaths.USERS + "{id}/roles/remove")
	public String removeRole(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@RequestParam String role, RedirectAttributes redirect) {
		return pageActions.perform(admin.id(), PendingAdminAction.Kind.REMOVE_ROLE, actions.find(id), role,
				redirect);
	}

	@PostMapping(AdminPaths.USERS + "{id}/sessions/{ref}/revoke")
	public String revokeSession(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@PathVariable String ref, RedirectAttributes redirect) {
		User user = actions.find(id);
		actions.revokeSession(admin.id(), user, ref);
		redirect.addFlashAttribute("notice", "admin.sessions.revoked");
		return backTo(user);
	}

	@PostMapping(AdminPaths.USERS + "{id}/sessions/revoke-all")
	public String revokeAllSessions(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			RedirectAttributes redirect) {
		User user = actions.find(id);
		actions.revokeAllSessions(admin.id(), user);
		redirect.addFlashAttribute("notice", "admin.sessions.revoked");
		return backTo(user);
	}

	@PostMapping(AdminPaths.USERS + "{id}/resend-confirmation")
	public String resendConfirmation(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			HttpServletRequest request, RedirectAttributes redirect) {
		User user = actions.find(id);
		boolean sent = actions.resendConfirmation(admin.id(), user, request);
		redirect.addFlashAttribute("notice", sent ? "admin.confirmation.sent" : "admin.confirmation.already");
		return backTo(user);
	}

	private static String backTo(User user) {
		return "redirect:" + AdminPaths.user(user.id());
	}
}
