package org.gatehouse.webauthn;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.Reauthentication;
import org.gatehouse.account.ReauthenticationRequiredException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Security keys and passkeys page: the user's keys, renaming and removal by form, and adding one
 * (the browser ceremony runs in webauthn.js against the JSON API). Adding and removing need the
 * password confirmed on this page within gatehouse.admin.reauthentication-timeout.
 */
@Controller
class SecurityKeysController {

	static final String PAGE = "/account/settings/security-keys/";

	private final SecurityKeys keys;
	private final Reauthentication reauthentication;

	SecurityKeysController(SecurityKeys keys, Reauthentication reauthentication) {
		this.keys = keys;
		this.reauthentication = reauthentication;
	}

	@GetMapping(PAGE)
	public String page(@AuthenticationPrincipal AccountPrincipal principal, @RequestParam(required = false) String done,
			HttpServletRequest request, Model model) {
		model.addAttribute("keys", keys.list(principal.id()));
		model.addAttribute("reauthenticated", reauthentication.isFresh(request.getSession(false)));
		model.addAttribute("minutes", reauthentication.timeout().toMinutes());
		model.addAttribute("codeRequired", reauthentication.asksForCode(principal.id()));
		model.addAttribute("maxNameLength", WebAuthnApiJson.MAX_NAME_LENGTH);
		if (done != null && done.matches("[a-z-]{1,20}")) {
			model.addAttribute("done", done);
		}
		return "gatehouse/security_keys";
	}

	@PostMapping(PAGE + "confirm")
	public String confirm(@AuthenticationPrincipal AccountPrincipal principal,
			@RequestParam(required = false) String password, HttpServletRequest request) {
		boolean confirmed = password != null && reauthentication.confirm(principal.id(), password, request);
		return redirect(confirmed ? "confirmed" : "wrong-password");
	}

	@PostMapping(PAGE + "{id}/rename")
	public String rename(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String id,
			@RequestParam(required = false) String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > WebAuthnApiJson.MAX_NAME_LENGTH) {
			return redirect("bad-name");
		}
		return redirect(keys.rename(principal.id(), id, trimmed).isPresent() ? "renamed" : "no-such-key");
	}

	@PostMapping(PAGE + "{id}/remove")
	public String remove(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String id,
			HttpServletRequest request) {
		return redirect(keys.remove(principal.id(), id, request) ? "removed" : "no-such-key");
	}

	/** On this page the password is confirmed in place, not on the admin area's re-authentication page. */
	@ExceptionHandler(ReauthenticationRequiredException.class)
	public String reauthenticate() {
		return redirect("reauthenticate");
	}

	private static String redirect(String done) {
		return "redirect:" + PAGE + "?done=" + done;
	}
}
