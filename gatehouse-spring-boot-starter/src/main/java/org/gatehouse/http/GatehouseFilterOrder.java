package org.gatehouse.http;

import org.springframework.core.Ordered;

/**
 * Servlet filter order of the HTTP hardening filters, in this sequence. All run before Spring
 * Session's repository filter ({@code HIGHEST_PRECEDENCE + 50}) and Spring Security's filter
 * chain (-100), so rejected requests never load a session or reach security code.
 */
public final class GatehouseFilterOrder {

	/** Applies trusted X-Forwarded-* headers first, so every later filter sees the client's view. */
	public static final int PROXY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 10;
	/** Before the host check, so even a rejected Host gets security headers. */
	public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 20;
	public static final int ALLOWED_HOSTS = Ordered.HIGHEST_PRECEDENCE + 30;
	/** After the host check: the HTTPS redirect must only name an allowed host. */
	public static final int FORCE_HTTPS = Ordered.HIGHEST_PRECEDENCE + 40;
	public static final int BODY_SIZE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 45;
	/** After the body limit: reading form parameters reads the (already limited) body. */
	public static final int NUL_CHARACTERS = Ordered.HIGHEST_PRECEDENCE + 47;

	private GatehouseFilterOrder() {
	}
}
