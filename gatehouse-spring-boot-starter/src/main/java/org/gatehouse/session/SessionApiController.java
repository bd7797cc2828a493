package org.gatehouse.session;

import org.gatehouse.http.LocalizedStatusException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.api.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The user's live sessions in JSON: list, revoke one, revoke all others. */
@ApiController
public class SessionApiController {

	private final UserSessions sessions;

	public SessionApiController(UserSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping(path = "/api/sessions", produces = "application/json")
	public List<SessionView> list(@AuthenticationPrincipal AccountPrincipal principal, HttpServletRequest request) {
		return sessions.list(principal.id(), currentSessionId(request));
	}

	/** Another user's session id answers 404, exactly like one that does not exist. */
	@DeleteMapping("/api/sessions/{id}")
	public ResponseEntity<Void> revoke(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String id) {
		if (!sessions.revoke(principal.id(), id)) {
			throw new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.no-such-session");
		}
		return ResponseEntity.noContent().build();
	}

	/** Every session but the caller's own (all of them for a token-authenticated request, which has none). */
	@DeleteMapping(path = "/api/sessions", produces = "application/json")
	public Map<String, Integer> revokeOthers(@AuthenticationPrincipal AccountPrincipal principal,
			HttpServletRequest request) {
		return Map.of("revoked", sessions.revokeAllExcept(principal.id(), currentSessionId(request)));
	}

	private static String currentSessionId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : session.getId();
	}
}
