package org.gatehouse.login.external;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * In front of Spring Security's back-channel logout filter, which answers 500 where a provider deserves a 400: for a
 * provider that cannot send logout tokens (GitHub: no issuer, no key set), one whose discovery fails, and for tokens
 * its checks do not expect (no {@code iss} at all, a key set out of reach). Every request to the endpoint is answered
 * here or by that filter, never by a page.
 */
class BackChannelLogoutGuard extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(BackChannelLogoutGuard.class);

	private final ExternalProviders providers;

	BackChannelLogoutGuard(ExternalProviders providers) {
		this.providers = providers;
	}

	/**
	 * The provider named by a request to the endpoint. The path is decoded, as Spring Security's logout filter
	 * matches it: compared raw, {@code /logout/connect/b%61ck-channel/x} would pass this guard by.
	 */
	static String provider(HttpServletRequest request) {
		return path(request).substring(ExternalLoginPaths.BACK_CHANNEL_LOGOUT.length());
	}

	private static String path(HttpServletRequest request) {
		return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !path(request).startsWith(ExternalLoginPaths.BACK_CHANNEL_LOGOUT);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			response.setHeader("Allow", "POST");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		// Spring's logout handlers switch to the page's own logout when this parameter is present
		if (!isForm(request) || request.getQueryString() != null
				|| request.getParameter("_spring_security_internal_logout") != null) {
			BackChannelLogoutHandler.badRequest(response,
					"send logout_token in an application/x-www-form-urlencoded body, and nothing in the URL");
			return;
		}
		String provider = provider(request);
		if (!sendsLogoutTokens(provider)) {
			BackChannelLogoutHandler.badRequest(response, "no OpenID Connect provider " + provider);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException ex) {
			log.info("Back-channel logout from {} refused: {}", provider, ex.toString());
			if (!response.isCommitted()) {
				response.reset();
				BackChannelLogoutHandler.badRequest(response, "the logout token could not be verified");
			}
		}
	}

	private static boolean isForm(HttpServletRequest request) {
		try {
			return request.getContentType() != null && MediaType.APPLICATION_FORM_URLENCODED
				.equalsTypeAndSubtype(MediaType.parseMediaType(request.getContentType()));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private boolean sendsLogoutTokens(String provider) {
		if (!providers.exists(provider)) {
			return false;
		}
		try {
			ClientRegistration registration = providers.findByRegistrationId(provider);
			return StringUtils.hasText(registration.getProviderDetails().getIssuerUri())
					&& StringUtils.hasText(registration.getProviderDetails().getJwkSetUri());
		}
		catch (ProviderUnavailableException ex) {
			return false;
		}
	}
}
