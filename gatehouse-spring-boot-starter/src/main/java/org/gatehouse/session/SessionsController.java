package org.gatehouse.session;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** The user's Sessions page: every live session, revoke one, sign out everywhere else. */
@Controller
class SessionsController {

	private final UserSessions sessions;
	private final GatehouseProperties properties;
	private final ApplicationEventPublisher events;

	public SessionsController(UserSessions sessions, GatehouseProperties properties,
			ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.properties = properties;
		this.events = events;
	}

	@GetMapping("${gatehouse.urls.sessions:/account/settings/sessions/}")
	public String list(@AuthenticationPrincipal AccountPrincipal principal, HttpServletRequest request, Model model) {
		model.addAttribute("sessions", sessions.list(principal.id(), request.getSession().getId()));
		return properties.getTemplates().getSessions();
	}

	@PostMapping("${gatehouse.urls.sessions:/account/settings/sessions/}{id}/revoke")
	public String revoke(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String id,
			RedirectAttributes redirect) {
		if (!sessions.revoke(principal.id(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("revoked", 1);
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.SESSION_REVOKED, principal.id(), null));
		return "redirect:" + properties.getUrls().getSessions();
	}

	@PostMapping("${gatehouse.urls.sessions:/account/settings/sessions/}revoke-others")
	public String revokeOthers(@AuthenticationPrincipal AccountPrincipal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("revoked", sessions.revokeAllExcept(principal.id(), request.getSession().getId()));
		return "redirect:" + properties.getUrls().getSessions();
	}
}
