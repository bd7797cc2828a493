package org.gatehouse.mfa;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.User;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Setting up the authenticator app: from the account's page, or at login when the user's role requires a second
 * factor (then the login completes with it). The recovery codes are shown once, right after.
 */
@Controller
class TotpEnrolmentController {

	private final TotpEnrolment enrolment;
	private final MfaUsers mfaUsers;
	private final SecondStep secondStep;
	private final GatehouseProperties properties;

	TotpEnrolmentController(TotpEnrolment enrolment, MfaUsers mfaUsers, SecondStep secondStep,
			GatehouseProperties properties) {
		this.enrolment = enrolment;
		this.mfaUsers = mfaUsers;
		this.secondStep = secondStep;
		this.properties = properties;
	}

	@GetMapping({ MfaPaths.ACCOUNT_TOTP, MfaPaths.REQUIRED_ENROLMENT })
	String form(Model model, HttpServletRequest request) {
		Optional<User> user = mfaUsers.enrollingUser(request);
		if (user.isEmpty()) {
			return "redirect:" + properties.getUrls().getLogin();
		}
		return page(user.get(), model, request, false);
	}

	@PostMapping({ MfaPaths.ACCOUNT_TOTP, MfaPaths.REQUIRED_ENROLMENT })
	String confirm(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<User> user = mfaUsers.enrollingUser(request);
		if (user.isEmpty()) {
			return "redirect:" + properties.getUrls().getLogin();
		}
		Optional<PendingLogin> pending = mfaUsers.enrolling(request);
		List<String> codes = enrolment.confirm(user.get(), code.length() > 64 ? "" : code, request.getSession());
		if (codes == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user.get(), model, request, true);
		}
		String next = MfaPaths.ACCOUNT;
		if (pending.isPresent() && mfaUsers.signedIn().isEmpty()) {
			secondStep.completeAfterEnrolment(pending.get(), TotpFactor.AUTHORITY, request, response);
			next = pending.get().next() != null ? pending.get().next() : properties.getUrls().getPostLogin();
		}
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute("next", next);
		return RecoveryCodesPage.TEMPLATE;
	}

	private String page(User user, Model model, HttpServletRequest request, boolean wrong) {
		model.addAttribute("offer", enrolment.offer(user, request.getSession()));
		model.addAttribute("required", mfaUsers.signedIn().isEmpty());
		model.addAttribute("wrongCode", wrong);
		return "gatehouse/mfa/enrol_totp";
	}
}
