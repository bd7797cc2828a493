package org.gatehouse.mfa;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.User;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The account's "Two-step sign-in" page: the app's status, removing it, new recovery codes. */
@Controller
class MfaAccountController {

	private final MfaAccount account;
	private final MfaUsers mfaUsers;

	MfaAccountController(MfaAccount account, MfaUsers mfaUsers) {
		this.account = account;
		this.mfaUsers = mfaUsers;
	}

	@GetMapping(MfaPaths.ACCOUNT)
	String page(@RequestParam(required = false) String removed, Model model) {
		User user = mfaUsers.signedIn().orElseThrow();
		model.addAttribute("status", account.status(user));
		model.addAttribute("removed", removed != null);
		return "gatehouse/mfa/account";
	}

	@PostMapping(MfaPaths.ACCOUNT + "totp/remove")
	String remove(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		User user = mfaUsers.signedIn().orElseThrow();
		MfaAccount.Check check = account.removeTotp(user, password, code, request);
		if (check == MfaAccount.Check.OK) {
			return "redirect:" + MfaPaths.ACCOUNT + "?removed";
		}
		return refused(check, user, model, response);
	}

	@PostMapping(MfaPaths.ACCOUNT + "recovery-codes")
	String regenerate(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		User user = mfaUsers.signedIn().orElseThrow();
		List<String> codes = account.regenerateRecoveryCodes(user, password, code, request);
		if (codes == null) {
			return refused(MfaAccount.Check.WRONG_CODE, user, model, response);
		}
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute("next", MfaPaths.ACCOUNT);
		return RecoveryCodesPage.TEMPLATE;
	}

	private String refused(MfaAccount.Check check, User user, Model model, HttpServletResponse response) {
		response.setStatus(check == MfaAccount.Check.LOCKED ? HttpStatus.TOO_MANY_REQUESTS.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("status", account.status(user));
		model.addAttribute("removed", false);
		model.addAttribute("refused", check.name().toLowerCase().replace('_', '-'));
		return "gatehouse/mfa/account";
	}
}
