package org.gatehouse.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.CspNonce;
import org.gatehouse.http.Sri;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What every page template may use: feature flags ({@code features}), URLs ({@code urls}), the languages of the switcher ({@code languages}), the logged-in user
 * ({@code currentUser}), Subresource Integrity of local assets ({@code sri}) and the CSP nonce ({@code cspNonce}).
 * Added by {@link PageModelInterceptor} to every rendered view, and by exception handlers that render one.
 */
public class PageModel {

	private final GatehouseProperties properties;
	private final Sri sri;
	private final CspNonce cspNonce;

	public PageModel(GatehouseProperties properties, Sri sri, CspNonce cspNonce) {
		this.properties = properties;
		this.sri = sri;
		this.cspNonce = cspNonce;
	}

	/** Adds the attributes a handler has not set itself. */
	public void addTo(Map<String, Object> model, HttpServletRequest request) {
		model.putIfAbsent("features", properties.getFeatures());
		model.putIfAbsent("urls", properties.getUrls());
		model.putIfAbsent("languages", properties.getI18n().getLanguages());
		model.putIfAbsent("currentUser", currentUser());
		model.putIfAbsent("sri", sri);
		// for page scripts that call the JSON API (webauthn.js)
		model.putIfAbsent("csrfHeaderName", properties.getCsrf().getHeaderName());
		model.putIfAbsent(CspNonce.ATTRIBUTE, cspNonce.of(request));
	}

	private static AccountPrincipal currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AccountPrincipal principal ? principal : null;
	}
}
