package org.gatehouse.mfa;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second step's page: a code from the authenticator app, or a recovery code. */
@Controller
class SecondStepController {

	static final String TEMPLATE = "gatehouse/mfa/second_factor";

	private final SecondStep secondStep;
	private final GatehouseProperties properties;
	private final RememberedBrowsers browsers;
	private final MfaProperties mfa;

	SecondStepController(SecondStep secondStep, GatehouseProperties properties, RememberedBrowsers browsers,
			MfaProperties mfa) {
		this.secondStep = secondStep;
		this.properties = properties;
		this.browsers = browsers;
		this.mfa = mfa;
	}

	@GetMapping(MfaPaths.SECOND_STEP)
	String form(Model model, HttpServletRequest request, HttpServletResponse response) {
		PendingLogin pending = secondStep.pending(request);
		if (pending == null) {
			return "redirect:" + properties.getUrls().getLogin();
		}
		if (pending.enrolment()) {
			return "redirect:" + MfaPaths.REQUIRED_ENROLMENT;
		}
		if (browsers.isRemembered(pending.userId(), request)) {
			secondStep.completeRemembered(pending, request, response);
			return "redirect:" + target(pending);
		}
		return page(model, request, false);
	}

	@PostMapping(MfaPaths.SECOND_STEP)
	String answer(@RequestParam(defaultValue = TotpFactor.ID) String factor, @RequestParam(defaultValue = "") String code,
			@RequestParam(name = "remember-browser", defaultValue = "false") boolean rememberBrowser, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PendingLogin pending = secondStep.pending(request);
		String answer = secondStep.fits(factor, code) ? code : "";
		return switch (secondStep.answer(factor, answer, request, response)) {
			case COMPLETED -> {
				if (rememberBrowser && browsers.enabled()) {
					browsers.remember(pending.userId(), response);
				}
				yield "redirect:" + target(pending);
			}
			case EXPIRED -> "redirect:" + properties.getUrls().getLogin() + "?expired";
			case LOCKED -> {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				model.addAttribute("throttled", true);
				yield page(model, request, false);
			}
			case WRONG -> {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				model.addAttribute("wrongFactor", factor);
				yield page(model, request, true);
			}
		};
	}

	private String target(PendingLogin pending) {
		return pending.next() != null ? pending.next() : properties.getUrls().getPostLogin();
	}

	private String page(Model model, HttpServletRequest request, boolean wrong) {
		model.addAttribute("rememberBrowser", browsers.enabled());
		model.addAttribute("rememberBrowserDays", mfa.getRememberBrowser().getDuration().toDays());
		model.addAttribute("factors", secondStep.pendingStep(request).map(s -> s.factors()).orElse(java.util.List.of()));
		model.addAttribute("wrongCode", wrong);
		return TEMPLATE;
	}
}
