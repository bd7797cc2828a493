package org.gatehouse.admin;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.ConfirmationMails;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.session.UserSessions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin user list and user page with its actions. Every user id in a URL is looked up
 * and answers 404 when unknown; actions that take access away need a fresh password.
 */
@Controller
@PreAuthorize("hasRole('admin')")
public class AdminUsersController {

	static final int PAGE_SIZE = 50;

	private final UserStore users;
	private final UserSearch search;
	private final UserSessions sessions;
	private final BanService bans;
	private final RoleAssignments roles;
	private final ConfirmationMails confirmations;
	private final ApplicationEventPublisher events;

	public AdminUsersController(UserStore users, UserSearch search, UserSessions sessions, BanService bans,
			RoleAssignments roles, ConfirmationMails confirmations, ApplicationEventPublisher events) {
		this.users = users;
		this.search = search;
		this.sessions = sessions;
		this.bans = bans;
		this.roles = roles;
		this.confirmations = confirmations;
		this.events = events;
	}

	@GetMapping({ "/admin", AdminPaths.HOME })
	public String home() {
		return "redirect:" + AdminPaths.USERS;
	}

	@GetMapping(AdminPaths.USERS)
	public String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "email") String by,
			@RequestParam(required = false) String after, Model model) {
		UserSearch.Field field = "username".equals(by) ? UserSearch.Field.USERNAME : UserSearch.Field.EMAIL;
		String prefix = q == null ? null : q.strip();
		UserSearch.Page page = search.search(prefix, field, after, PAGE_SIZE);
		model.addAttribute("q", prefix);
		model.addAttribute("by", field.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("page", page);
		return "gatehouse/admin/users";
	}

	@GetMapping(AdminPaths.USERS + "{id}")
	public String show(@PathVariable String id, Model model) {
		User user = find(id);
		model.addAttribute("user", user);
		model.addAttribute("sessions", sessions.list(user.id(), null));
		model.addAttribute("knownRoles", users.roleNames());
		return "gatehouse/admin/user";
	}

	@PostMapping(AdminPaths.USERS + "{id}/ban")
	@RequiresReauthentication
	public String ban(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			RedirectAttributes redirect) {
		User user = find(id);
		if (user.id() == admin.id()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Administrators cannot ban themselves");
		}
		redirect.addFlashAttribute("notice", "admin.user.banned.done");
		bans.ban(admin.id(), user.id());
		return backTo(user);
	}

	@PostMapping(AdminPaths.USERS + "{id}/unban")
	public String unban(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			RedirectAttributes redirect) {
		User user = find(id);
		bans.unban(admin.id(), user.id());
		redirect.addFlashAttribute("notice", "admin.user.unbanned");
		return backTo(user);
	}

	@PostMapping(AdminPaths.USERS + "{id}/roles/add")
	@RequiresReauthentication
	public String addRole(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@RequestParam String role, RedirectAttributes redirect) {
		User user = find(id);
		String name = role.strip().toLowerCase(java.util.Locale.ROOT);
		if (!RoleAssignments.isValidName(name)) {
			redirect.addFlashAttribute("notice", "admin.role.invalid");
			return backTo(user);
		}
		roles.add(admin.id(), user.id(), name);
		redirect.addFlashAttribute("notice", "admin.role.added");
		return backTo(user);
	}

	@PostMapping(AdminPaths.USERS + "{id}/roles/remove")
	@RequiresReauthentication
	public String removeRole(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@RequestParam String role, RedirectAttributes redirect) {
		User user = find(id);
		if (!user.hasRole(role)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		roles.remove(admin.id(), user.id(), role);
		redirect.addFlashAttribute("notice", "admin.role.removed");
		return backTo(user);
	}

	@PostMapping(AdminPaths.USERS + "{id}/sessions/{ref}/revoke")
	@RequiresReauthentication
	public String revokeSession(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@PathVariable String ref, RedirectAttributes redirect) {
		User user = find(id);
		if (!sessions.revoke(user.id(), ref)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		events.publishEvent(SecurityEvent.byAdmin(SecurityEventType.SESSION_REVOKED, admin.id(), user.id(), null));
		redirect.addFlashAttribute("notice", "admin.sessions.revoked");
		return backTo(user);
	}

	@PostMapping(AdminPaths.USERS + "{id}/sessions/revoke-all")
	@RequiresReauthentication
	public String revokeAllSessions(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			RedirectAttributes redirect) {
		User user = find(id);
		int count = sessions.revokeAll(user.id());
		events.publishEvent(SecurityEvent.byAdmin(SecurityEventType.SESSION_REVOKED, admin.id(), user.id(),
				"all: " + count));
		redirect.addFlashAttribute("notice", "admin.sessions.revoked");
		return backTo(user);
	}

	@PostMapping(AdminPaths.USERS + "{id}/resend-confirmation")
	public String resendConfirmation(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			HttpServletRequest request, RedirectAttributes redirect) {
		User user = find(id);
		if (!user.confirmed()) {
			confirmations.send(user, request);
			events.publishEvent(SecurityEvent.byAdmin(SecurityEventType.CONFIRMATION_RESENT, admin.id(), user.id(),
					null));
		}
		redirect.addFlashAttribute("notice", user.confirmed() ? "admin.confirmation.already" : "admin.confirmation.sent");
		return backTo(user);
	}

	/** The user named by a URL id; 404 for unknown and malformed ids alike. */
	private User find(String id) {
		try {
			return users.findById(Long.parseLong(id))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static String backTo(User user) {
		return "redirect:" + AdminPaths.user(user.id());
	}
}
