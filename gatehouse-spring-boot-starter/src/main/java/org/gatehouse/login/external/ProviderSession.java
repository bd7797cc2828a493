package org.gatehouse.login.external;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Which provider sign-in started a Gatehouse session: the provider, the user's subject there and, when the ID token
 * named one, the provider's session id ({@code sid}). Kept as a session attribute (a plain string, so every session
 * store keeps it and every instance reads it; a session id change keeps it), which is where a back-channel logout
 * finds the sessions to end.
 */
record ProviderSession(String provider, String subject, String sid) {

	static final String ATTRIBUTE = "gatehouse.external.provider-session";

	/** Marks the request's session as started by this provider's sign-in (the session is created if need be). */
	static void mark(HttpServletRequest request, OAuth2AuthenticationToken token, ExternalIdentity identity) {
		String sid = token.getPrincipal() instanceof OidcUser oidc ? oidc.getIdToken().getClaimAsString("sid") : null;
		request.getSession().setAttribute(ATTRIBUTE,
				new ProviderSession(identity.provider(), identity.subject(), sid).encoded());
	}

	/** Whether a logout token naming this provider, subject (may be null) and sid (may be null) ends this session. */
	boolean endedBy(String provider, String subject, String sid) {
		return this.provider.equals(provider) && (subject == null || subject.equals(this.subject))
				&& (sid == null || sid.equals(this.sid));
	}

	static Optional<ProviderSession> decode(Object value) {
		if (!(value instanceof String text)) {
			return Optional.empty();
		}
		String[] parts = text.split(" ", -1);
		if (parts.length != 3) {
			return Optional.empty();
		}
		return Optional.of(new ProviderSession(part(parts[0]), part(parts[1]), parts[2].isEmpty() ? null : part(parts[2])));
	}

	String encoded() {
		return encode(provider) + " " + encode(subject) + " " + (sid == null ? "" : encode(sid));
	}

	private static String encode(String value) {
		return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8);
	}

	private static String part(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}
}
