package org.gatehouse.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.crypto.Sha256;
import org.gatehouse.crypto.Signer;
import org.gatehouse.csrf.RememberMeLoginCsrfFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

/**
 * Remember-me cookie = series, token and an HMAC of both. The database keeps only hashes,
 * one row per browser, so logout removes that browser's row and a password change, reset
 * or ban removes them all. Spring's persistent-token services store tokens in clear, which
 * would let a database reader log in as anyone; hence this class.
 * <p>
 * As in Spring's persistent-token model the token is replaced at every use and the series
 * stays: a copied cookie and the owner's cannot both keep working, and the second one used
 * shows the theft. The token just replaced is still accepted for a short grace, for the
 * parallel requests a browser sends before it has the new cookie. The series is named in the
 * session the login creates, so that revoking the session revokes the remember-me login too.
 */
public class RevocableRememberMeServices extends AbstractRememberMeServices {

	public static final String PARAMETER = "remember";
	private static final String SERIES_ATTRIBUTE = RevocableRememberMeServices.class.getName() + ".series";

	/**
	 * @param rotationGrace how long the token replaced at the last use still works
	 * @param sameSite SameSite attribute of the cookie
	 */
	public record Settings(Duration duration, Duration rotationGrace, boolean secure, String sameSite) {
	}

	private final RememberMeTokenStore tokens;
	private final Signer signer;
	private final Settings settings;
	private final RememberMeTheft theft;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private LoginCompletion completion = LoginCompletion.NONE;

	public RevocableRememberMeServices(String key, AccountUserDetailsService users, RememberMeTokenStore tokens,
			Signer signer, Settings settings, RememberMeTheft theft, Clock clock) {
		super(key, users::loadUserByUsername);
		this.tokens = tokens;
		this.signer = signer;
		this.settings = settings;
		this.theft = theft;
		this.clock = clock;
		setParameter(PARAMETER);
		setTokenValiditySeconds((int) settings.duration().toSeconds());
	}

	/** Whether a login request asked to be remembered, by Spring's rule for the parameter ("true", "on", "yes", "1"). */
	public boolean requested(HttpServletRequest request) {
		return rememberMeRequested(request, PARAMETER);
	}

	@Override
	protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request,
			HttpServletResponse response) {
		if (cookieTokens.length != 2) {
			throw new InvalidCookieException("Malformed remember-me cookie");
		}
		Optional<String> verified = signer.unsign(cookieTokens[0] + "." + cookieTokens[1]);
		if (verified.isEmpty()) {
			throw new InvalidCookieException("Remember-me cookie signature mismatch");
		}
		String[] parts = verified.get().split("~", 2);
		if (parts.length != 2) {
			throw new InvalidCookieException("Malformed remember-me cookie");
		}
		String series = parts[0];
		String seriesHash = sha256(series);
		RememberMeTokenStore.Entry entry = tokens.find(seriesHash)
			.orElseThrow(() -> new RememberMeAuthenticationException("Remember-me series revoked"));
		Instant now = clock.instant();
		if (entry.expiresAt().isBefore(now)) {
			tokens.delete(seriesHash);
			throw new RememberMeAuthenticationException("Remember-me login expired");
		}
		UserDetails user = getUserDetailsService().loadUserByUsername(Long.toString(entry.userId()));
		String presented = sha256(parts[1]);
		if (equal(entry.tokenHash(), presented)) {
			String next = randomValue();
			if (tokens.rotate(seriesHash, presented, sha256(next), now)) {
				writeCookie(series, next, entry.expiresAt(), request, response);
			}
			else {
				// a parallel request rotated it a moment ago: the presented token is now the previous one
				entry = tokens.find(seriesHash)
					.orElseThrow(() -> new RememberMeAuthenticationException("Remember-me series revoked"));
				requireWithinGrace(entry, presented, now);
			}
		}
		else {
			requireWithinGrace(entry, presented, now);
		}
		request.setAttribute(SERIES_ATTRIBUTE, seriesHash);
		return user;
	}

	/** The replaced token in its grace is a parallel request; any other token is a copy used after the owner's. */
	private void requireWithinGrace(RememberMeTokenStore.Entry entry, String presented, Instant now) {
		boolean inGrace = entry.previousTokenHash() != null && equal(entry.previousTokenHash(), presented)
				&& entry.rotatedAt() != null && !now.isAfter(entry.rotatedAt().plus(settings.rotationGrace()));
		if (!inGrace) {
			try {
				theft.detected(entry.userId());
			}
			catch (RuntimeException ex) {
				// the login is refused whatever failed while ending the user's logins
				logger.error("Remember-me theft for user " + entry.userId() + " not fully handled: " + ex);
			}
			throw new RememberMeAuthenticationException("Remember-me token reused: every login of the user ended");
		}
	}

	/** A remember-me cookie is a first factor: an account with a second one is asked for it again. */
	public void setLoginCompletion(LoginCompletion completion) {
		this.completion = completion;
	}

	/**
	 * Names the series in the session the remember-me login goes on in (created if need be). When the account
	 * needs another step the login is deferred to it and the request goes on anonymous; while that step is
	 * pending the cookie is left alone (each use would rotate it and start the step again).
	 */
	@Override
	public Authentication autoLogin(HttpServletRequest request, HttpServletResponse response) {
		if (completion.pendingStep(request).isPresent()) {
			return null;
		}
		Authentication authentication = super.autoLogin(request, response);
		if (authentication != null && completion.needsAnotherStep(authentication)) {
			completion.defer(authentication, false, null, request);
			return null;
		}
		Object series = request.getAttribute(SERIES_ATTRIBUTE);
		if (authentication != null && series != null) {
			request.getSession().setAttribute(RememberMeTokenStore.SESSION_SERIES_ATTRIBUTE, series);
			request.setAttribute(RememberMeLoginCsrfFilter.LOGGED_IN_ATTRIBUTE, Boolean.TRUE);
		}
		return authentication;
	}

	/** Remembers a login made without the form parameter (the JSON API's "remember": true). */
	public void remember(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		onLoginSuccess(request, response, authentication);
	}

	@Override
	protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication successfulAuthentication) {
		if (!(successfulAuthentication.getPrincipal() instanceof AccountPrincipal principal)) {
			return;
		}
		if (completion.needsAnotherStep(successfulAuthentication)) {
			// remembered once the login completes (LoginCompletion keeps the wish)
			return;
		}
		String series = randomValue();
		String token = randomValue();
		Instant now = clock.instant();
		Instant expires = now.plus(settings.duration());
		tokens.save(sha256(series), principal.id(), sha256(token), now, expires);
		request.getSession().setAttribute(RememberMeTokenStore.SESSION_SERIES_ATTRIBUTE, sha256(series));
		writeCookie(series, token, expires, request, response);
	}

	/** The cookie lives as long as the series: a rotation never extends a remember-me login. */
	private void writeCookie(String series, String token, Instant expires, HttpServletRequest request,
			HttpServletResponse response) {
		String signed = signer.sign(series + "~" + token);
		int split = signed.lastIndexOf('.');
		long maxAge = Math.max(1, Duration.between(clock.instant(), expires).toSeconds());
		// cookie parts: "series~token" and its signature, encoded by the base class
		addCookie(encodeCookie(new String[] { signed.substring(0, split), signed.substring(split + 1) }), maxAge,
				response);
	}

	@Override
	protected void setCookie(String[] cookieTokens, int maxAge, HttpServletRequest request,
			HttpServletResponse response) {
		addCookie(encodeCookie(cookieTokens), maxAge, response);
	}

	@Override
	protected void cancelCookie(HttpServletRequest request, HttpServletResponse response) {
		addCookie("", 0, response);
	}

	/** Path=/ and no Domain whatever the context path, as a "__Host-" name requires; SameSite as configured. */
	private void addCookie(String value, long maxAge, HttpServletResponse response) {
		ResponseCookie cookie = ResponseCookie.from(getCookieName(), value).path("/").httpOnly(true)
			.secure(settings.secure()).sameSite(settings.sameSite()).maxAge(maxAge).build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		String cookie = extractRememberMeCookie(request);
		if (cookie != null) {
			try {
				String[] parts = decodeCookie(cookie);
				if (parts.length == 2) {
					signer.unsign(parts[0] + "." + parts[1])
						.ifPresent(v -> tokens.delete(sha256(v.split("~", 2)[0])));
				}
			}
			catch (InvalidCookieException ignored) {
				// a garbage cookie is simply cleared below
			}
		}
		super.logout(request, response, authentication);
	}

	private String randomValue() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static boolean equal(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}

	static String sha256(String value) {
		return Sha256.hex(value);
	}
}
