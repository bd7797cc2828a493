package org.gatehouse.login.external;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.User;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds the providers to every rendered page (the login page's buttons, the Accounts link in the menu) and the user's
 * identities to the admin user page, so that the pages of other features name no class of this one.
 */
class ExternalLoginPageModel implements HandlerInterceptor {

	static final String ADMIN_USER_VIEW = "gatehouse/admin/user";

	private final ExternalProviders providers;
	private final ExternalIdentityStore identities;

	ExternalLoginPageModel(ExternalProviders providers, ExternalIdentityStore identities) {
		this.providers = providers;
		this.identities = identities;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || modelAndView.getViewName() == null
				|| modelAndView.getViewName().startsWith("redirect:")) {
			return;
		}
		modelAndView.getModelMap().putIfAbsent("externalLogins", providers.buttons());
		if (ADMIN_USER_VIEW.equals(modelAndView.getViewName())
				&& modelAndView.getModelMap().get("user") instanceof User user) {
			modelAndView.getModelMap().putIfAbsent("externalIdentities", identities.ofUser(user.id()).stream()
				.map(i -> new LinkedAccountsController.Row(i.provider(), providers.displayName(i.provider()), i.email(),
						i.createdAt(), i.lastUsedAt()))
				.toList());
		}
	}
}
