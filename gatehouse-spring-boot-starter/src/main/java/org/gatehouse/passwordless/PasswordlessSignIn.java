package org.gatehouse.passwordless;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.AccountLinks;
import org.gatehouse.account.AccountUserDetailsService;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.TooManyRequestsException;
import org.gatehouse.mail.AccountMailer;
import org.gatehouse.passwordless.LoginLinkTokenService.LinkState;
import org.gatehouse.throttle.PageRateLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Passwordless sign-in shared by the pages and the JSON API: mailing a link with its code, reading a link's state for
 * its landing page, and signing in with a code. Signing in goes through an AuthenticationManager (the page chain's
 * one-time-token filter for the pages, {@link #authenticate} for the API), so authentication events fire and are
 * audited as for passwords.
 */
class PasswordlessSignIn {

	private final GatehouseProperties properties;
	private final PasswordlessProperties passwordless;
	private final UserStore users;
	private final LoginLinkTokenService tokens;
	private final BrowserBinding browsers;
	private final AccountLinks links;
	private final AccountMailer mailer;
	private final PageRateLimits rateLimits;
	private final ApplicationEventPublisher events;
	private final ProviderManager manager;

	PasswordlessSignIn(GatehouseProperties properties, PasswordlessProperties passwordless, UserStore users,
			LoginLinkTokenService tokens, BrowserBinding browsers, AccountLinks links, AccountMailer mailer,
			PageRateLimits rateLimits, ApplicationEventPublisher events, AccountUserDetailsService accounts,
			AuthenticationEventPublisher authenticationEvents) {
		this.properties = properties;
		this.passwordless = passwordless;
		this.users = users;
		this.tokens = tokens;
		this.browsers = browsers;
		this.links = links;
		this.mailer = mailer;
		this.rateLimits = rateLimits;
		this.events = events;
		this.manager = new ProviderManager(new LoginLinkAuthenticationProvider(tokens, accounts));
		this.manager.setAuthenticationEventPublisher(authenticationEvents);
	}

	/**
	 * Binds this browser and mails a link with a code to the active account with that address, if there is one;
	 * callers answer the same either way. An unconfirmed address gets nothing where it may not log in.
	 */
	public void sendLink(String email, HttpServletRequest request, HttpServletResponse response) {
		rateLimits.loginLinkMail(request, email).ifPresent(retryAfter -> {
			throw new TooManyRequestsException(retryAfter);
		});
		String browserHash = browsers.bind(request, response);
		signInAllowed(users.findByEmail(email)).ifPresent(user -> {
			IssuedLoginLink link = (IssuedLoginLink) tokens
				.generate(new LoginLinkRequest(user, browserHash, passwordless.getTokenLifetime()));
			mailer.send(user.email(), "login-link", links.absolute(request, PasswordlessPaths.LINK + link.token()), link.code(),
					Long.toString(lifetimeMinutes()));
			events.publishEvent(SecurityEvent.byUser(SecurityEventType.LOGIN_LINK_SENT, user.id(), null));
		});
	}

	/** Whether the link may be used here, elsewhere after confirmation, or not at all; never uses it. */
	public LinkState linkState(String token, HttpServletRequest request) {
		return tokens.state(token, browsers.presented(request));
	}

	/** Signs in with the code typed in the browser that asked; an AuthenticationException when it does not work. */
	public Authentication authenticate(String email, String code, HttpServletRequest request) {
		OneTimeTokenAuthenticationToken attempt = OneTimeTokenAuthenticationToken
			.unauthenticated(new LoginLinkAttempt(email, browsers.presented(request), false), code);
		attempt.setDetails(new WebAuthenticationDetails(request));
		return manager.authenticate(attempt);
	}

	long lifetimeMinutes() {
		return passwordless.getTokenLifetime().toMinutes();
	}

	private Optional<User> signInAllowed(Optional<User> user) {
		GatehouseProperties.Features features = properties.getFeatures();
		boolean confirmationRequired = features.isConfirmable() && !features.isLoginWithoutConfirmation();
		return user.filter(User::active).filter(u -> !confirmationRequired || u.confirmed());
	}
}
