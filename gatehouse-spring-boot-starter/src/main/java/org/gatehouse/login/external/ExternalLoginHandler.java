package org.gatehouse.login.external;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.UnconfirmedAccountException;
import org.gatehouse.config.GatehouseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What happens when a provider has vouched for an identity. The provider's authentication is never a Gatehouse login
 * by itself: it is dropped, and the identity either links to the logged-in user who asked for it, signs in the user
 * it is linked to (through the AuthenticationManager, as any login), or waits in the session on the choice page.
 * A refused callback (forged or replayed state, an error from the provider) is a 400 page.
 */
class ExternalLoginHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(ExternalLoginHandler.class);

	private final ExternalAccounts accounts;
	private final PendingSignIn pending;
	private final TokenCapture tokens;
	private final GatehouseProperties properties;

	ExternalLoginHandler(ExternalAccounts accounts, PendingSignIn pending, TokenCapture tokens,
			GatehouseProperties properties) {
		this.accounts = accounts;
		this.pending = pending;
		this.tokens = tokens;
		this.properties = properties;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		SecurityContextHolder.clearContext();
		ExternalIdentity identity = ExternalIdentity.of((OAuth2AuthenticationToken) authentication);
		ProviderTokens provided = tokens.taken(request);
		var linkingUser = LinkIntent.take(request, identity.provider());
		if (linkingUser.isPresent()) {
			ExternalAccounts.LinkOutcome outcome = accounts.link(linkingUser.get(), identity, provided);
			response.sendRedirect(request.getContextPath() + UriComponentsBuilder.fromPath(ExternalLoginPaths.ACCOUNTS)
				.queryParam(outcome == ExternalAccounts.LinkOutcome.LINKED ? "linked" : "refused", outcome.name())
				.build().toUriString());
			return;
		}
		ProviderSession.mark(request, (OAuth2AuthenticationToken) authentication, identity);
		if (!accounts.isLinked(identity)) {
			pending.save(request, identity, provided);
			response.sendRedirect(request.getContextPath() + ExternalLoginPaths.PENDING);
			return;
		}
		try {
			String next = accounts.signIn(identity, provided, request, response)
				.orElse(properties.getUrls().getPostLogin());
			response.sendRedirect(request.getContextPath() + next);
		}
		catch (UnconfirmedAccountException ex) {
			response.sendRedirect(request.getContextPath() + properties.getUrls().getLogin() + "?unconfirmed");
		}
		catch (AuthenticationException ex) {
			response.sendRedirect(request.getContextPath() + properties.getUrls().getLogin() + "?error");
		}
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
				: exception.getClass().getSimpleName();
		log.info("External sign-in refused: {}", code);
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}
}
