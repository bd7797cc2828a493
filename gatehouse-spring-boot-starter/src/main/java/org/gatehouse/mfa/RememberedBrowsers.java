package org.gatehouse.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.Sha256;
import org.gatehouse.crypto.Signer;
import org.gatehouse.http.SessionCookies;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.WebUtils;

/**
 * "Remember this browser": a cookie {@code userId.random} signed with the secret key, valid while its row in
 * gh_mfa_remembered_browser exists and has not expired. Deleting a user's rows revokes all of their browsers.
 */
public class RememberedBrowsers {

	static final String COOKIE = "gatehouse_mfa_browser";

	private final JdbcClient jdbc;
	private final Signer signer;
	private final MfaProperties properties;
	private final GatehouseProperties gatehouse;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	public RememberedBrowsers(JdbcClient jdbc, Signer signer, MfaProperties properties, GatehouseProperties gatehouse,
			Clock clock) {
		this.jdbc = jdbc;
		this.signer = signer;
		this.properties = properties;
		this.gatehouse = gatehouse;
		this.clock = clock;
	}

	public boolean enabled() {
		return properties.getRememberBrowser().isEnabled();
	}

	public void remember(long userId, HttpServletResponse response) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expires = now.plus(properties.getRememberBrowser().getDuration());
		jdbc.sql("insert into gh_mfa_remembered_browser (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(hash(token), userId, at(now), at(expires)).update();
		ResponseCookie cookie = ResponseCookie.from(COOKIE, signer.sign(userId + "." + token)).httpOnly(true)
			.secure(SessionCookies.secure(gatehouse)).sameSite("Lax").path("/")
			.maxAge(properties.getRememberBrowser().getDuration()).build();
		response.addHeader("Set-Cookie", cookie.toString());
	}

	/** Whether this request comes from a browser the user let skip the second step, not revoked, not expired. */
	public boolean isRemembered(long userId, HttpServletRequest request) {
		Cookie cookie = enabled() ? WebUtils.getCookie(request, COOKIE) : null;
		String value = cookie == null ? null : signer.unsign(cookie.getValue()).orElse(null);
		if (value == null || !value.startsWith(userId + ".")) {
			return false;
		}
		return jdbc.sql("select count(*) from gh_mfa_remembered_browser where token_hash = ? and user_id = ? "
				+ "and expires_at > ?").params(hash(value.substring(value.indexOf('.') + 1)), userId, at(clock.instant()))
			.query(Integer.class).single() > 0;
	}

	public void forgetAll(long userId) {
		jdbc.sql("delete from gh_mfa_remembered_browser where user_id = ?").param(userId).update();
	}

	private static String hash(String token) {
		return Sha256.hex(token);
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
