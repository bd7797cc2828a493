package org.gatehouse.passwordless;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.account.EmailForm;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.passwordless.LoginLinkTokenService.LinkState;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of passwordless sign-in: ask for a link, type its code in the browser that asked, and the link's landing
 * page, which signs in by a button (a GET never uses the link: mail scanners open links too) and asks for a
 * confirmation in a browser other than the one that asked. Spring Security's one-time-token filter takes the POSTs.
 */
@Controller
class PasswordlessController {

	static final String REQUEST_TEMPLATE = "gatehouse/login_email";
	static final String CODE_TEMPLATE = "gatehouse/login_code";
	static final String LINK_TEMPLATE = "gatehouse/login_link";

	private final GatehouseProperties properties;
	private final PasswordlessSignIn signIn;

	PasswordlessController(GatehouseProperties properties, PasswordlessSignIn signIn) {
		this.properties = properties;
		this.signIn = signIn;
	}

	@GetMapping(PasswordlessPaths.REQUEST)
	public String requestForm(@RequestParam(required = false) String next, Model model) {
		model.addAttribute("form", new EmailForm());
		model.addAttribute("next", safeNext(next));
		model.addAttribute("minutes", signIn.lifetimeMinutes());
		return REQUEST_TEMPLATE;
	}

	/** The same page whether or not the address has an account: "check your mail", and the code form. */
	@PostMapping(PasswordlessPaths.REQUEST)
	public String request(@Valid @ModelAttribute("form") EmailForm form, BindingResult errors,
			@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		model.addAttribute("next", safeNext(next));
		model.addAttribute("minutes", signIn.lifetimeMinutes());
		if (errors.hasErrors()) {
			return REQUEST_TEMPLATE;
		}
		signIn.sendLink(form.getEmail(), request, response);
		model.addAttribute("sent", true);
		return codeForm(form.getEmail(), next, request, model);
	}

	@GetMapping(PasswordlessPaths.CODE)
	public String codeForm(@RequestParam(required = false) String email, @RequestParam(required = false) String next,
			HttpServletRequest request, Model model) {
		model.addAttribute("email", email == null || email.length() > 320 ? "" : email);
		model.addAttribute("next", safeNext(next));
		model.addAttribute("codeRefused", request.getAttribute(LoginLinkFailureHandler.CODE_REFUSED) != null);
		model.addAttribute("codeThrottled", request.getAttribute(LoginLinkFailureHandler.THROTTLED) != null);
		model.addAttribute("minutes", signIn.lifetimeMinutes());
		model.addAttribute("rememberMeEnabled", properties.getRememberMe().isEnabled());
		return CODE_TEMPLATE;
	}

	/** Without a token (or after a refused one). */
	@GetMapping(PasswordlessPaths.LINK)
	public String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("messageKey", "login-link.invalid");
		return properties.getTemplates().getMessage();
	}

	@GetMapping(PasswordlessPaths.LINK + "{token}")
	public String landing(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		LinkState state = signIn.linkState(token, request);
		if (state == LinkState.INVALID) {
			return invalid(model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("otherBrowser", state == LinkState.OTHER_BROWSER);
		model.addAttribute("rememberMeEnabled", properties.getRememberMe().isEnabled());
		return LINK_TEMPLATE;
	}

	private static String safeNext(String next) {
		return next == null || next.length() > 2048 ? "" : next;
	}
}
