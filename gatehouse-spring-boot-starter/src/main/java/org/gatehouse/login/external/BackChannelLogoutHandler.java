package org.gatehouse.login.external;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Spring Security's back-channel logout filter has verified the provider's logout token; this ends the Gatehouse
 * sessions it names ({@link ProviderLogout}) instead of Spring's default, which posts each session's cookie back to
 * the application's own logout endpoint and finds sessions in one instance's memory. The answer is an empty 200, or a
 * 400 with an OAuth 2.0 error when the token is not obeyed.
 */
class BackChannelLogoutHandler implements LogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(BackChannelLogoutHandler.class);

	private final ProviderLogout logout;

	BackChannelLogoutHandler(ProviderLogout logout) {
		this.logout = logout;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String provider = BackChannelLogoutGuard.provider(request);
		try {
			logout.signOut(provider, (OidcLogoutToken) authentication.getPrincipal());
		}
		catch (ProviderLogout.RefusedException ex) {
			log.info("Back-channel logout from {} refused: {}", provider, ex.getMessage());
			badRequest(response, ex.getMessage());
		}
	}

	/** The 400 of OpenID Connect Back-Channel Logout 1.0 (section 2.8): an OAuth 2.0 error in JSON. */
	static void badRequest(HttpServletResponse response, String description) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description,
				"https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation");
		try {
			new OAuth2ErrorHttpMessageConverter().write(error, null, new ServletServerHttpResponse(response));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
