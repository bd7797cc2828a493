package org.gatehouse.account;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login and logout pages; Spring Security processes their POSTs. */
@Controller
public class LoginController {

	private final GatehouseProperties properties;

	public LoginController(GatehouseProperties properties) {
		this.properties = properties;
	}

	/** Request attribute set by the failure handler when the login had a control character in it. */
	static final String MALFORMED_LOGIN = LoginController.class.getName() + ".malformed";

	@GetMapping("${gatehouse.urls.login:/login/}")
	public String login(@RequestParam(required = false) String next, @RequestParam(required = false) String error,
			@RequestParam(required = false) String unconfirmed, @RequestParam(required = false) String expired,
			Model model, HttpServletRequest request) {
		model.addAttribute("secondStepExpired", expired != null);
		model.addAttribute("loginMalformed", request.getAttribute(MALFORMED_LOGIN) != null);
		model.addAttribute("next", next == null || next.length() > 2048 ? "" : next);
		model.addAttribute("loginError", error != null);
		model.addAttribute("unconfirmed", unconfirmed != null);
		model.addAttribute("rememberMeEnabled", properties.getRememberMe().isEnabled());
		return properties.getTemplates().getLogin();
	}

	@GetMapping("${gatehouse.urls.logout:/logout/}")
	public String logout() {
		return properties.getTemplates().getLogout();
	}
}
