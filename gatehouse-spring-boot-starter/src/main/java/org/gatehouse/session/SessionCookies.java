package org.gatehouse.session;

import org.gatehouse.config.GatehouseProperties;

/** Effective session cookie settings: Secure by default in production, "__Host-" prefixed when Secure. */
public final class SessionCookies {

	private SessionCookies() {
	}

	public static boolean secure(GatehouseProperties properties) {
		Boolean configured = properties.getSession().getCookie().getSecure();
		return configured != null ? configured : properties.isProduction();
	}

	public static String name(GatehouseProperties properties) {
		String base = properties.getSession().getCookie().getName();
		return secure(properties) && !base.startsWith("__Host-") ? "__Host-" + base : base;
	}
}
