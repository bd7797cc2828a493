package org.gatehouse.webauthn;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.webauthn.Ceremonies.Purpose;
import org.gatehouse.webauthn.RelyingParties.RelyingParty;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;

/**
 * A security key as the second factor of an account that has already given its password: the
 * browser may only answer with one of that account's keys (allowCredentials), and the answer must be
 * that account's. For the MFA second step:
 * <pre>{@code
 * if (keys.hasSecurityKey(userId)) {
 *     String options = keys.options(userId, request);          // to navigator.credentials.get
 *     ...
 *     Authentication factor = keys.verify(userId, assertion, request); // BadCredentialsException if not
 *     // factor carries FACTOR_WEBAUTHN: merge it into the session's authentication
 * }
 * }</pre>
 * The caller (the second step) throttles, counts and audits the answers; a passkey sign-in does that itself.
 */
public class SecurityKeyVerification {

	private final Ceremonies ceremonies;
	private final RelyingParties relyingParties;
	private final JdbcWebAuthnUserEntities userEntities;
	private final JdbcWebAuthnCredentials credentials;
	private final PasskeyAuthentication authentication;

	SecurityKeyVerification(Ceremonies ceremonies, RelyingParties relyingParties, JdbcWebAuthnUserEntities userEntities,
			JdbcWebAuthnCredentials credentials, PasskeyAuthentication authentication) {
		this.ceremonies = ceremonies;
		this.relyingParties = relyingParties;
		this.userEntities = userEntities;
		this.credentials = credentials;
		this.authentication = authentication;
	}

	/** Whether the account has a security key or passkey (and so can be offered this factor). */
	public boolean hasSecurityKey(long userId) {
		return credentials.hasAny(userId);
	}

	/** Options for navigator.credentials.get (JSON) naming only this account's keys; the challenge kept in the session. */
	public String options(long userId, HttpServletRequest request) {
		Bytes challenge = ceremonies.begin(request, Purpose.SECOND_FACTOR, userId);
		return WebAuthnJson.write(requestOptions(userId, request, challenge));
	}

	/**
	 * The browser's answer (the JSON the page's script posts) checked for this account, through the
	 * AuthenticationManager: the authentication (an {@link AccountPrincipal} with {@code FACTOR_WEBAUTHN})
	 * when it verifies; a {@link BadCredentialsException} when it does not, is another account's, or no
	 * options were asked for (each challenge answers once). Does not touch the session's login.
	 */
	public Authentication verify(long userId, String assertion, HttpServletRequest request) {
		PublicKeyCredential<AuthenticatorAssertionResponse> credential;
		try {
			credential = WebAuthnJson.assertion(assertion);
		}
		catch (WebAuthnJson.MalformedCredentialException malformed) {
			throw new BadCredentialsException("Malformed security key answer");
		}
		Bytes challenge = ceremonies.take(request, Purpose.SECOND_FACTOR, userId)
			.orElseThrow(() -> new BadCredentialsException("No security key challenge for this account"));
		Authentication verified = authentication.verify(requestOptions(userId, request, challenge), credential, request);
		if (!(verified.getPrincipal() instanceof AccountPrincipal principal) || principal.id() != userId) {
			throw new BadCredentialsException("Security key of another account");
		}
		return verified;
	}

	private PublicKeyCredentialRequestOptions requestOptions(long userId, HttpServletRequest request, Bytes challenge) {
		RelyingParty rp = relyingParties.of(request);
		List<CredentialRecord> keys = userEntities.findByUserId(userId)
			.map(entity -> credentials.findByUserId(entity.getId())).orElse(List.of());
		return Ceremonies.requestOptions(rp, keys, challenge);
	}
}
