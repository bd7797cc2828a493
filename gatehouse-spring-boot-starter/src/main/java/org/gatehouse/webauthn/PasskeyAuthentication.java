package org.gatehouse.webauthn;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.UserStore;
import org.gatehouse.account.User;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.TooManyRequestsException;
import org.gatehouse.throttle.LoginThrottle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;

/**
 * One WebAuthn assertion checked through Spring Security's AuthenticationManager (a
 * {@link ProviderManager} of {@link PasskeyAuthenticationProvider} that publishes the authentication
 * events), under the login throttle: the key's owner (when the key is known) and the client address
 * are refused while locked, a failure counts against both and is in the security log, a success
 * clears the owner's failures.
 */
class PasskeyAuthentication {

	private static final Duration LOCKED_RETRY = Duration.ofMinutes(1);
	/** The throttle's account key of keys nobody has: a control character no typed login can contain. */
	private static final String UNKNOWN_KEY = "\u0000unknown security key";

	private final RelyingParties relyingParties;
	private final JdbcWebAuthnCredentials credentials;
	private final UserStore users;
	private final GatehouseProperties properties;
	private final LoginThrottle throttle;
	private final AuthenticationEventPublisher authenticationEvents;
	private final ApplicationEventPublisher events;
	private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

	PasskeyAuthentication(RelyingParties relyingParties, JdbcWebAuthnCredentials credentials, UserStore users,
			GatehouseProperties properties, LoginThrottle throttle, AuthenticationEventPublisher authenticationEvents,
			ApplicationEventPublisher events) {
		this.relyingParties = relyingParties;
		this.credentials = credentials;
		this.users = users;
		this.properties = properties;
		this.throttle = throttle;
		this.authenticationEvents = authenticationEvents;
		this.events = events;
	}

	/**
	 * The authenticated account (principal {@code AccountPrincipal}, with {@code FACTOR_WEBAUTHN});
	 * an {@link AuthenticationException} when the assertion does not verify.
	 */
	Authentication authenticate(PublicKeyCredentialRequestOptions options,
			PublicKeyCredential<AuthenticatorAssertionResponse> credential, HttpServletRequest request) {
		Optional<User> owner = credentials.ownerOf(credential.getRawId()).flatMap(users::findById);
		String throttleKey = owner.map(User::email).orElse(UNKNOWN_KEY);
		if (throttle.verdict(throttleKey, request.getRemoteAddr()) == LoginThrottle.Verdict.LOCKED) {
			throw new TooManyRequestsException(LOCKED_RETRY);
		}
		try {
			Authentication authenticated = manager(request, authenticationEvents).authenticate(attempt(options, credential, request));
			throttle.succeeded(throttleKey);
			return authenticated;
		}
		catch (AuthenticationException failed) {
			throttle.failed(throttleKey, request.getRemoteAddr());
			events.publishEvent(new SecurityEvent(SecurityEventType.LOGIN_FAILURE, null, owner.map(User::id).orElse(null),
					"passkey: " + failed.getClass().getSimpleName() + (owner.isEmpty() ? " (unknown key)" : "")));
			throw failed;
		}
	}

	/**
	 * The assertion checked for the MFA second step, which throttles, counts and audits its own answers: no
	 * throttle and no authentication events here, or a wrong key would count twice.
	 */
	Authentication verify(PublicKeyCredentialRequestOptions options,
			PublicKeyCredential<AuthenticatorAssertionResponse> credential, HttpServletRequest request) {
		return manager(request, null).authenticate(attempt(options, credential, request));
	}

	private ProviderManager manager(HttpServletRequest request, AuthenticationEventPublisher publisher) {
		ProviderManager manager = new ProviderManager(
				new PasskeyAuthenticationProvider(relyingParties.of(request).operations(), users, properties));
		if (publisher != null) {
			manager.setAuthenticationEventPublisher(publisher);
		}
		return manager;
	}

	private WebAuthnAuthenticationRequestToken attempt(PublicKeyCredentialRequestOptions options,
			PublicKeyCredential<AuthenticatorAssertionResponse> credential, HttpServletRequest request) {
		WebAuthnAuthenticationRequestToken attempt = new WebAuthnAuthenticationRequestToken(
				new RelyingPartyAuthenticationRequest(options, credential));
		attempt.setDetails(details.buildDetails(request));
		return attempt;
	}
}
