package org.gatehouse.passwordless;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.SessionCookies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.util.WebUtils;

/**
 * Binds a sign-in link to the browser that asked for it: a cookie with a random nonce, whose SHA-256 is stored with
 * the link. Named after the session cookie (so it is "__Host-" prefixed where that one is), HttpOnly, and SameSite=Lax:
 * opening the mailed link is a top-level navigation, which carries it.
 */
class BrowserBinding {

	private final GatehouseProperties properties;
	private final Duration lifetime;

	BrowserBinding(GatehouseProperties properties, PasswordlessProperties passwordless) {
		this.properties = properties;
		this.lifetime = passwordless.getTokenLifetime();
	}

	String cookieName() {
		return SessionCookies.name(properties) + "_signin";
	}

	/** The hash of this browser's nonce, giving it one (and renewing the cookie's age) when it has none yet. */
	String bind(HttpServletRequest request, HttpServletResponse response) {
		String nonce = nonce(request);
		if (nonce == null) {
			nonce = LoginLinkSecrets.newToken();
		}
		ResponseCookie cookie = ResponseCookie.from(cookieName(), nonce).path("/").httpOnly(true)
			.secure(SessionCookies.secure(properties)).sameSite("Lax").maxAge(lifetime).build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return LoginLinkSecrets.sha256(nonce);
	}

	/** The hash of this browser's nonce, or null when it never asked for a link. */
	String presented(HttpServletRequest request) {
		String nonce = nonce(request);
		return nonce == null ? null : LoginLinkSecrets.sha256(nonce);
	}

	private String nonce(HttpServletRequest request) {
		jakarta.servlet.http.Cookie cookie = WebUtils.getCookie(request, cookieName());
		return cookie != null && LoginLinkSecrets.wellFormedToken(cookie.getValue()) ? cookie.getValue() : null;
	}
}
