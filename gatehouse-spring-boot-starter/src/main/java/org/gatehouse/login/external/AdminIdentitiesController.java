package org.gatehouse.login.external;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.gatehouse.admin.AdminActionRule;
import org.gatehouse.admin.AdminUserActions;
import org.gatehouse.http.LocalizedStatusException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin user page's Unlink button (the page lists the identities, {@link ExternalLoginPageModel}): the rule of
 * every admin action (a recent password, else the re-authentication page, which returns to the user page), then the
 * service the JSON API and the command line use.
 */
@Controller
class AdminIdentitiesController {

	private final IdentityLinks links;
	private final AdminUserActions adminActions;
	private final AdminActionRule adminRule;
	private final ExternalProviders providers;

	AdminIdentitiesController(IdentityLinks links, AdminUserActions adminActions, AdminActionRule adminRule,
			ExternalProviders providers) {
		this.links = links;
		this.adminActions = adminActions;
		this.adminRule = adminRule;
		this.providers = providers;
	}

	@PostMapping("/admin/users/{id}/identities/{provider}/unlink")
	String unlink(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@PathVariable String provider, RedirectAttributes redirect) {
		User user = adminActions.find(id);
		adminRule.require();
		if (links.unlinkByAdmin(admin.id(), user.id(), provider) != ExternalAccounts.UnlinkOutcome.UNLINKED) {
			throw new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.external.not-linked");
		}
		// the page's notice takes the user's address and a second argument (here the provider's name)
		redirect.addFlashAttribute("notice", "accounts.admin.unlinked");
		redirect.addFlashAttribute("noticeUser", user.email());
		redirect.addFlashAttribute("noticeRole", providers.displayName(provider));
		return "redirect:/admin/users/" + user.id();
	}
}
