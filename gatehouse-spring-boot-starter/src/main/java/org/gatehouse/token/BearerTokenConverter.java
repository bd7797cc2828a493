package org.gatehouse.token;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.AuthenticationConverter;

/** Reads {@code Authorization: Bearer <token>} (scheme in any case), or nothing when the request has none. */
final class BearerTokenConverter implements AuthenticationConverter {

	private static final String SCHEME = "bearer ";

	@Override
	public PresentedToken convert(HttpServletRequest request) {
		String value = bearerValue(request);
		return value == null ? null : new PresentedToken(value);
	}

	static String bearerValue(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || header.length() <= SCHEME.length()
				|| !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
			return null;
		}
		return header.substring(SCHEME.length()).strip();
	}
}
