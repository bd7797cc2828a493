package org.gatehouse.webauthn;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.SessionLogin;
import org.gatehouse.http.LocalizedStatusException;
import org.gatehouse.webauthn.Ceremonies.Purpose;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.webauthn.api.Bytes;

/**
 * "Sign in with a passkey": the browser offers the passkeys it holds for this site (discoverable
 * credentials, no login typed), the assertion is checked through the AuthenticationManager, and the
 * session is logged in as a password login logs it in (new session id, login recorded, session
 * activity), holding the {@code FACTOR_WEBAUTHN} authority: a passkey is possession and (with user
 * verification) a PIN or biometric, a complete sign-in on its own.
 */
public class PasskeySignIn {

	private final Ceremonies ceremonies;
	private final RelyingParties relyingParties;
	private final PasskeyAuthentication authentication;
	private final SessionLogin sessionLogin;

	PasskeySignIn(Ceremonies ceremonies, RelyingParties relyingParties, PasskeyAuthentication authentication,
			SessionLogin sessionLogin) {
		this.ceremonies = ceremonies;
		this.relyingParties = relyingParties;
		this.authentication = authentication;
		this.sessionLogin = sessionLogin;
	}

	/** Options for navigator.credentials.get (JSON), without allowed credentials. */
	public String options(HttpServletRequest request) {
		Bytes challenge = ceremonies.begin(request, Purpose.SIGN_IN, null);
		return WebAuthnJson.write(Ceremonies.requestOptions(relyingParties.of(request), List.of(), challenge));
	}

	/** The signed-in account; a 401 problem when the assertion does not verify (or no sign-in was begun). */
	public AccountPrincipal signIn(Object credentialJson, HttpServletRequest request, HttpServletResponse response) {
		var credential = WebAuthnJson.assertion(credentialJson);
		Bytes challenge = ceremonies.take(request, Purpose.SIGN_IN, null)
			.orElseThrow(() -> new LocalizedStatusException(HttpStatus.BAD_REQUEST, "problem.webauthn.no-ceremony"));
		Authentication signedIn;
		try {
			signedIn = authentication.authenticate(
					Ceremonies.requestOptions(relyingParties.of(request), List.of(), challenge), credential, request);
		}
		catch (AuthenticationException failed) {
			throw new LocalizedStatusException(HttpStatus.UNAUTHORIZED, "problem.webauthn.sign-in-failed");
		}
		sessionLogin.login(signedIn, request, response);
		return (AccountPrincipal) signedIn.getPrincipal();
	}
}
