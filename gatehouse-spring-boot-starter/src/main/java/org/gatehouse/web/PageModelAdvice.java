package org.gatehouse.web;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.Sri;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page template may use: feature flags, URLs and the logged-in user. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class PageModelAdvice {

	private final GatehouseProperties properties;
	private final Sri sri;

	public PageModelAdvice(GatehouseProperties properties, Sri sri) {
		this.properties = properties;
		this.sri = sri;
	}

	/** Subresource Integrity of local assets: {@code th:integrity="${sri.integrity('/gatehouse/x.css')}"}. */
	@ModelAttribute("sri")
	public Sri sri() {
		return sri;
	}

	/** The same attributes, for views rendered outside a handler method (exception handlers). */
	public void addTo(org.springframework.ui.Model model) {
		model.addAttribute("features", features());
		model.addAttribute("urls", urls());
		model.addAttribute("currentUser", currentUser());
		model.addAttribute("sri", sri());
	}

	@ModelAttribute("features")
	public GatehouseProperties.Features features() {
		return properties.getFeatures();
	}

	@ModelAttribute("urls")
	public GatehouseProperties.Urls urls() {
		return properties.getUrls();
	}

	@ModelAttribute("currentUser")
	public AccountPrincipal currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AccountPrincipal principal ? principal : null;
	}
}
