package org.gatehouse.passwordless;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Reads the sign-in form's POST for Spring Security's one-time-token filter: either the link's {@code token} (with
 * {@code other-device=true} once the user confirmed a cross-device sign-in) or an {@code email} with its
 * {@code code}, each with this browser's binding.
 */
class LoginLinkAuthenticationConverter implements AuthenticationConverter {

	static final String TOKEN = "token";
	static final String EMAIL = "email";
	static final String CODE = "code";
	static final String OTHER_DEVICE = "other-device";

	private static final int MAX_EMAIL = 320;

	private final BrowserBinding browsers;

	LoginLinkAuthenticationConverter(BrowserBinding browsers) {
		this.browsers = browsers;
	}

	static boolean isCode(HttpServletRequest request) {
		return request.getParameter(CODE) != null;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		String browserHash = browsers.presented(request);
		OneTimeTokenAuthenticationToken attempt;
		if (isCode(request)) {
			String email = request.getParameter(EMAIL);
			email = email == null || email.length() > MAX_EMAIL ? "" : email.strip();
			attempt = OneTimeTokenAuthenticationToken.unauthenticated(new LoginLinkAttempt(email, browserHash, false),
					request.getParameter(CODE).strip());
		}
		else {
			String token = request.getParameter(TOKEN);
			if (token == null) {
				return null;
			}
			attempt = OneTimeTokenAuthenticationToken.unauthenticated(new LoginLinkAttempt(null, browserHash,
					"true".equals(request.getParameter(OTHER_DEVICE))), token);
		}
		attempt.setDetails(new WebAuthenticationDetails(request));
		return attempt;
	}
}
