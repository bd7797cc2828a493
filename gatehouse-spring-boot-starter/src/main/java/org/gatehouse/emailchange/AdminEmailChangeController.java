package org.gatehouse.emailchange;

import jakarta.validation.Valid;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.admin.AdminUserActions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The email form of the admin user page: the address changes at once (after a recent password, as other
 * admin actions), and the user page says what happened.
 */
@Controller
class AdminEmailChangeController {

	private final EmailChanges changes;
	private final AdminUserActions adminActions;
	private final MessageSource messages;

	AdminEmailChangeController(EmailChanges changes, AdminUserActions adminActions, MessageSource messages) {
		this.changes = changes;
		this.adminActions = adminActions;
		this.messages = messages;
	}

	@PostMapping(EmailChangePaths.ADMIN_PAGE)
	public String change(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@Valid @ModelAttribute("emailForm") ChangeEmailForm form, BindingResult errors, RedirectAttributes redirect) {
		long userId = adminActions.find(id).id();
		if (errors.hasFieldErrors("email") || !changes.changeByAdmin(admin.id(), userId, form.getEmail(), errors)) {
			FieldError error = errors.getFieldError("email");
			redirect.addFlashAttribute("emailError", messages.getMessage(error, LocaleContextHolder.getLocale()));
		}
		else {
			redirect.addFlashAttribute("notice", "admin.email.changed");
			redirect.addFlashAttribute("noticeUser", form.getEmail().trim());
		}
		return "redirect:/admin/users/" + userId;
	}
}
