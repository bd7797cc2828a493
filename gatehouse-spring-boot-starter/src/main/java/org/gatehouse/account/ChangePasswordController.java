package org.gatehouse.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.mail.AccountMailer;
import org.gatehouse.passwords.Verification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Change password (changeable): needs the current one; other sessions end, a notice is mailed. */
@Controller
public class ChangePasswordController {

	private final GatehouseProperties properties;
	private final UserStore users;
	private final PasswordService passwords;
	private final CredentialRevocation revocation;
	private final AccountMailer mailer;
	private final ApplicationEventPublisher events;

	public ChangePasswordController(GatehouseProperties properties, UserStore users, PasswordService passwords,
			CredentialRevocation revocation, AccountMailer mailer, ApplicationEventPublisher events) {
		this.properties = properties;
		this.users = users;
		this.passwords = passwords;
		this.revocation = revocation;
		this.mailer = mailer;
		this.events = events;
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
		FeatureDisabledException.requireEnabled(properties.getFeatures().isChangeable());
		User user = users.findById(principal.id()).orElseThrow();
		if (user.passwordHash() == null
				|| passwords.verify(form.getCurrentPassword(), user.passwordHash()) == Verification.NO_MATCH) {
			errors.rejectValue("currentPassword", "account.current-password.wrong");
		}
		PasswordChoice.check(form, errors, passwords, user);
		if (errors.hasErrors()) {
			return properties.getTemplates().getChangePassword();
		}
		users.changePassword(user.id(), passwords.hashNew(form.getPassword()));
		// revoke first: the store knows this session by its current id until the end of the request,
		// so keeping it by its renewed id would delete it (JDBC and Redis stores)
		revocation.revokeAll(user.id(), request.getSession().getId());
		SessionLogin.renewSessionId(request);
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.PASSWORD_CHANGE, user.id(), null));
		mailer.send(user.email(), "password-change-notice", null);
		model.addAttribute("messageKey", "change.done");
		return properties.getTemplates().getMessage();
	}
}
