package org.gatehouse.throttle;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.LoginController;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the login page shows about throttling: the "too many attempts" message and, when required, reCAPTCHA. */
@ControllerAdvice(assignableTypes = LoginController.class)
class LoginPageAdvice {

	private final LoginThrottle throttle;
	private final GatehouseProperties properties;

	public LoginPageAdvice(LoginThrottle throttle, GatehouseProperties properties) {
		this.throttle = throttle;
		this.properties = properties;
	}

	@ModelAttribute("loginThrottled")
	public boolean loginThrottled(HttpServletRequest request) {
		return request.getParameter("throttled") != null;
	}

	@ModelAttribute("loginRecaptchaSiteKey")
	public String loginRecaptchaSiteKey(HttpServletRequest request) {
		return !throttle.recaptchaRequired(request.getRemoteAddr()) ? null : properties.getRecaptcha().getPublicKey();
	}
}
