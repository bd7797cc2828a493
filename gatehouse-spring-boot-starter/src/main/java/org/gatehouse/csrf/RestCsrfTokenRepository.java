package org.gatehouse.csrf;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.Signer;
import org.gatehouse.session.SessionCookies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Signed double-submit tokens for the JSON API: {@code random.mac} where mac is an HMAC of
 * the session id and the random part, under a key derived from the secret key. The token
 * lives in a cookie JavaScript can read and comes back in a header; a token planted from
 * a sibling domain or taken from another session does not verify, because its mac names
 * another session. Requests without a session bind to the empty id: there is nothing to steal.
 */
public class RestCsrfTokenRepository implements CsrfTokenRepository {

	private static final String PARAMETER_NAME = "_csrf";
	private static final char SEPARATOR = '.';
	private static final int RANDOM_BYTES = 18;

	private final Signer signer;
	private final String cookieName;
	private final String headerName;
	private final boolean secure;
	private final SecureRandom random = new SecureRandom();

	public RestCsrfTokenRepository(Signer signer, GatehouseProperties properties) {
		this.signer = signer;
		this.cookieName = SessionCookies.csrfName(properties);
		this.headerName = properties.getCsrf().getHeaderName();
		this.secure = SessionCookies.secure(properties);
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		byte[] bytes = new byte[RANDOM_BYTES];
		random.nextBytes(bytes);
		String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return token(nonce + SEPARATOR + mac(binding(request), nonce));
	}

	/**
	 * SameSite=Strict: the cookie is only ever read by the application's own scripts and sent back on their
	 * same-origin requests, so no cross-site request, not even a top-level navigation, needs it.
	 */
	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		ResponseCookie cookie = ResponseCookie.from(cookieName, token == null ? "" : token.getToken())
			.path("/")
			.httpOnly(false)
			.secure(secure)
			.sameSite("Strict")
			.maxAge(token == null ? 0 : -1)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	/** The cookie's token if it verifies for this request's session, else null (Spring then reports it missing). */
	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return cookieValue(request).filter(value -> valid(value, request)).map(this::token).orElse(null);
	}

	Optional<String> cookieValue(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (cookieName.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	private boolean valid(String value, HttpServletRequest request) {
		int separator = value.indexOf(SEPARATOR);
		if (separator <= 0 || separator != value.lastIndexOf(SEPARATOR)) {
			return false;
		}
		String nonce = value.substring(0, separator);
		return signer.unsign(message(binding(request), nonce) + value.substring(separator)).isPresent();
	}

	private String mac(String sessionId, String nonce) {
		String signed = signer.sign(message(sessionId, nonce));
		return signed.substring(signed.lastIndexOf(SEPARATOR) + 1);
	}

	private static String message(String sessionId, String nonce) {
		return sessionId + "!" + nonce;
	}

	private static String binding(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? "" : session.getId();
	}

	private CsrfToken token(String value) {
		return new DefaultCsrfToken(headerName, PARAMETER_NAME, value);
	}
}
