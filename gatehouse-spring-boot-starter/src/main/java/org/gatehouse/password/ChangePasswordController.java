package org.gatehouse.password;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.FeatureDisabledException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Change password page (changeable): needs the current one; other sessions end, a notice is mailed. */
@Controller
public class ChangePasswordController {

	private final GatehouseProperties properties;
	private final PasswordChange passwordChange;

	public ChangePasswordController(GatehouseProperties properties, PasswordChange passwordChange) {
		this.properties = properties;
		this.passwordChange = passwordChange;
	}

	@GetMapping("${gatehouse.urls.change-password:/account/settings/password/}")
	public String form(Model model) {
		FeatureDisabledException.requireEnabled(properties.getFeatures().isChangeable());
		model.addAttribute("form", new NewPasswordForm());
		return properties.getTemplates().getChangePassword();
	}

	@PostMapping("${gatehouse.urls.change-password:/account/settings/password/}")
	public String change(@AuthenticationPrincipal AccountPrincipal principal,
			@Valid @ModelAttribute("form") NewPasswordForm form, BindingResult errors, HttpServletRequest request,
			Model model) {
		if (!passwordChange.change(principal.id(), form, errors, request)) {
			return properties.getTemplates().getChangePassword();
		}
		model.addAttribute("messageKey", "change.done");
		return properties.getTemplates().getMessage();
	}
}
