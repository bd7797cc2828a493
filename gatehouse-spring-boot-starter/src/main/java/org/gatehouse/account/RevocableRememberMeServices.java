package org.gatehouse.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.Signer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

/**
 * Remember-me cookie = series, token and an HMAC of both. The database keeps only hashes,
 * one row per browser, so logout removes that browser's row and a password change, reset
 * or ban removes them all. Spring's persistent-token services store tokens in clear, which
 * would let a database reader log in as anyone; hence this class.
 */
public class RevocableRememberMeServices extends AbstractRememberMeServices {

	public static final String PARAMETER = "remember";

	private final RememberMeTokenStore tokens;
	private final Signer signer;
	private final Duration duration;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	public RevocableRememberMeServices(String key, AccountUserDetailsService users, RememberMeTokenStore tokens,
			Signer signer, Duration duration, Clock clock) {
		super(key, users);
		this.tokens = tokens;
		this.signer = signer;
		this.duration = duration;
		this.clock = clock;
		setParameter(PARAMETER);
		setTokenValiditySeconds((int) duration.toSeconds());
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
		String seriesHash = sha256(parts[0]);
		RememberMeTokenStore.Entry entry = tokens.find(seriesHash)
			.orElseThrow(() -> new RememberMeAuthenticationException("Remember-me series revoked"));
		if (!MessageDigest.isEqual(entry.tokenHash().getBytes(StandardCharsets.US_ASCII),
				sha256(parts[1]).getBytes(StandardCharsets.US_ASCII))) {
			tokens.deleteAllFor(entry.userId());
			throw new CookieTheftException("Remember-me token mismatch: all remember-me logins of the user revoked");
		}
		if (entry.expiresAt().isBefore(clock.instant())) {
			tokens.delete(seriesHash);
			throw new RememberMeAuthenticationException("Remember-me login expired");
		}
		return getUserDetailsService().loadUserByUsername(Long.toString(entry.userId()));
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
		String series = randomValue();
		String token = randomValue();
		Instant now = clock.instant();
		tokens.save(sha256(series), principal.id(), sha256(token), now, now.plus(duration));
		String signed = signer.sign(series + "~" + token);
		int split = signed.lastIndexOf('.');
		// cookie parts: "series~token" and its signature, encoded by the base class
		setCookie(new String[] { signed.substring(0, split), signed.substring(split + 1) }, getTokenValiditySeconds(),
				request, response);
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

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
