package org.gatehouse.passwordless;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gatehouse.account.LoginThrottledException;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.passwordless.LoginLinkStore.StoredLink;
import org.gatehouse.throttle.LoginThrottle;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Spring Security's {@link OneTimeTokenService} on the table gh_login_link: every token has a six-digit code beside
 * it, is bound to the browser that asked, and is stored hashed (so {@code JdbcOneTimeTokenService}, which keeps the
 * token itself and knows neither code nor browser, does not fit). A link works once, until it expires, while the
 * account is active with the security stamp it was issued under, and in another browser only when the user confirmed
 * that; a code works once, in the browser that asked, for the address it was sent to. Codes count as login attempts
 * for the {@link LoginThrottle} (per address and per client address), and every link ends after
 * max-code-attempts wrong codes. Returns null for every refusal: Spring's provider turns that into one
 * "invalid token" answer.
 */
class LoginLinkTokenService implements OneTimeTokenService {

	/** What a link's landing page may say before it is used. */
	enum LinkState { THIS_BROWSER, OTHER_BROWSER, INVALID }

	private final LoginLinkStore store;
	private final LoginLinkSecrets secrets;
	private final UserStore users;
	private final LoginThrottle throttle;
	private final PasswordlessProperties properties;
	private final Clock clock;

	LoginLinkTokenService(LoginLinkStore store, LoginLinkSecrets secrets, UserStore users, LoginThrottle throttle,
			PasswordlessProperties properties, Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.users = users;
		this.throttle = throttle;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
		if (!(request instanceof LoginLinkRequest link)) {
			throw new IllegalArgumentException("A sign-in link is issued for an account and a browser");
		}
		String token = LoginLinkSecrets.newToken();
		String code = LoginLinkSecrets.newCode();
		Instant now = clock.instant();
		Instant expires = now.plus(request.getExpiresIn());
		store.deleteExpiredFor(link.user().id(), now);
		store.save(link.user().id(), LoginLinkSecrets.sha256(token), secrets.codeHash(code), link.browserHash(),
				link.user().securityStamp(), now, expires);
		return new IssuedLoginLink(token, code, link.user().id(), expires);
	}

	@Override
	public OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
		LoginLinkAttempt attempt = authentication.getPrincipal() instanceof LoginLinkAttempt presented ? presented
				: new LoginLinkAttempt(null, null, false);
		return attempt.isCode() ? consumeCode(attempt, authentication.getTokenValue(), remoteAddress(authentication))
				: consumeLink(attempt, authentication.getTokenValue());
	}

	/** For the landing page, which must not use the link (mail scanners open links too). */
	LinkState state(String token, String browserHash) {
		Optional<StoredLink> link = findLink(token);
		if (link.isEmpty() || owner(link.get()).isEmpty()) {
			return LinkState.INVALID;
		}
		return LoginLinkSecrets.sameHash(link.get().browserHash(), browserHash) ? LinkState.THIS_BROWSER
				: LinkState.OTHER_BROWSER;
	}

	private OneTimeToken consumeLink(LoginLinkAttempt attempt, String token) {
		Optional<StoredLink> found = findLink(token);
		if (found.isEmpty()) {
			return null;
		}
		StoredLink link = found.get();
		boolean sameBrowser = LoginLinkSecrets.sameHash(link.browserHash(), attempt.browserHash());
		if (!sameBrowser && !attempt.otherDeviceConfirmed()) {
			return null;
		}
		return signIn(link, token);
	}

	private OneTimeToken consumeCode(LoginLinkAttempt attempt, String code, String remoteAddr) {
		if (!throttle.admit(attempt.email(), remoteAddr)) {
			throw new LoginThrottledException();
		}
		Optional<User> user = users.findByEmail(attempt.email()).filter(User::active);
		List<StoredLink> links = user.isEmpty() || attempt.browserHash() == null ? List.of()
				: store.findForCode(user.get().id(), attempt.browserHash(), clock.instant());
		String presented = LoginLinkSecrets.wellFormedCode(code) ? secrets.codeHash(code) : null;
		Optional<StoredLink> match = links.stream()
			.filter(link -> LoginLinkSecrets.sameHash(link.codeHash(), presented))
			.findFirst();
		OneTimeToken signedIn = match.map(link -> signIn(link, code)).orElse(null);
		if (signedIn == null) {
			throttle.failed(attempt.email(), remoteAddr);
			store.codeFailed(links, properties.getMaxCodeAttempts());
			return null;
		}
		throttle.succeeded(attempt.email());
		return signedIn;
	}

	/** Takes the link (once only, whoever races for it) and ends the user's other links. */
	private OneTimeToken signIn(StoredLink link, String presented) {
		if (owner(link).isEmpty() || !store.take(link.id())) {
			return null;
		}
		store.deleteAllFor(link.userId());
		return new DefaultOneTimeToken(presented, Long.toString(link.userId()), link.expiresAt());
	}

	private Optional<StoredLink> findLink(String token) {
		return LoginLinkSecrets.wellFormedToken(token)
				? store.findByToken(LoginLinkSecrets.sha256(token), clock.instant()) : Optional.empty();
	}

	/** The active account the link was issued to, while its credentials and status are as they were then. */
	private Optional<User> owner(StoredLink link) {
		return users.findById(link.userId()).filter(User::active)
			.filter(user -> user.securityStamp().equals(link.securityStamp()));
	}

	private static String remoteAddress(OneTimeTokenAuthenticationToken authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}
}
