package org.gatehouse.http;

import org.gatehouse.config.GatehouseProperties;

/**
 * Effective names and flags of every cookie Gatehouse sets (session, remember-me, csrftoken, form CSRF):
 * Secure by default in production, and then "__Host-" prefixed, which makes browsers insist on
 * Secure, Path=/ and no Domain, so a sibling subdomain or a plain-HTTP page cannot plant or
 * shadow them. Development on plain http keeps the configured names.
 */
public final class SessionCookies {

	static final String HOST_PREFIX = "__Host-";

	private SessionCookies() {
	}

	public static boolean secure(GatehouseProperties properties) {
		Boolean configured = properties.getSession().getCookie().getSecure();
		return configured != null ? configured : properties.isProduction();
	}

	public static String name(GatehouseProperties properties) {
		return prefixed(properties, properties.getSession().getCookie().getName());
	}

	public static String rememberMeName(GatehouseProperties properties) {
		return prefixed(properties, properties.getRememberMe().getCookieName());
	}

	public static String csrfName(GatehouseProperties properties) {
		return prefixed(properties, properties.getCsrf().getCookieName());
	}

	/** The page forms' CSRF cookie of a visitor without a session: named after the session cookie it stands in for. */
	public static String formCsrfName(GatehouseProperties properties) {
		return name(properties) + "_csrf";
	}

	private static String prefixed(GatehouseProperties properties, String base) {
		return secure(properties) && !base.startsWith(HOST_PREFIX) ? HOST_PREFIX + base : base;
	}
}
