package org.gatehouse.csrf;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.Signer;
import org.gatehouse.http.SessionCookies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * CSRF tokens of the page forms. A request with a session keeps its token in the session, as Spring
 * Security does by default. A visitor without one (the login page, sign-up, lost password) gets a signed
 * random token in an HttpOnly cookie instead, which the form repeats (masked per response): showing an
 * anonymous form writes no session to the store, and a login is one session write, not three.
 * <p>
 * The cookie token is accepted only while the request has no session, so it can forge nothing a session
 * holds; to use it, a cross-site attacker would have to read the HttpOnly cookie or plant one (which the
 * __Host- prefix stops on HTTPS, and which the session cookie would allow as much). The login that follows
 * clears it: the new session carries its own token from then on.
 */
public class FormCsrfTokenRepository implements CsrfTokenRepository {

	private static final int RANDOM_BYTES = 18;

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
	private final Signer signer;
	private final String cookieName;
	private final boolean secure;
	private final String sameSite;
	private final SecureRandom random = new SecureRandom();

	public FormCsrfTokenRepository(Signer signer, GatehouseProperties properties) {
		this.signer = signer;
		this.cookieName = SessionCookies.formCsrfName(properties);
		this.secure = SessionCookies.secure(properties);
		this.sameSite = properties.getSession().getCookie().getSameSite();
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		if (hasSession(request)) {
			return sessions.generateToken(request);
		}
		byte[] bytes = new byte[RANDOM_BYTES];
		random.nextBytes(bytes);
		return token(signer.sign(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			sessions.saveToken(null, request, response);
			if (cookieValue(request) != null) {
				writeCookie(response, "", 0);
			}
		}
		else if (hasSession(request)) {
			sessions.saveToken(token, request, response);
		}
		else {
			writeCookie(response, token.getToken(), -1);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		if (hasSession(request)) {
			return sessions.loadToken(request);
		}
		String value = cookieValue(request);
		return value != null && signer.unsign(value).isPresent() ? token(value) : null;
	}

	private static boolean hasSession(HttpServletRequest request) {
		return request.getSession(false) != null;
	}

	private String cookieValue(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, cookieName);
		return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
	}

	private void writeCookie(HttpServletResponse response, String value, int maxAge) {
		ResponseCookie cookie = ResponseCookie.from(cookieName, value)
			.path("/")
			.httpOnly(true)
			.secure(secure)
			.sameSite(sameSite)
			.maxAge(maxAge)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private CsrfToken token(String value) {
		return new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", value);
	}
}
