package org.gatehouse.webauthn;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.account.Reauthentication;
import org.gatehouse.account.SessionLogin;
import org.gatehouse.account.SessionRevocation;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.http.LocalizedStatusException;
import org.gatehouse.webauthn.Ceremonies.Purpose;
import org.gatehouse.webauthn.RelyingParties.RelyingParty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;

/**
 * A signed-in user's security keys and passkeys, for the page and the JSON API alike. Adding and
 * removing one changes how the account can be entered: both need a recent password
 * ({@link Reauthentication}), are in the security log, give the caller's session a new id and sign
 * out every other session. Renaming needs none of that.
 */
public class SecurityKeys {

	static final String NEEDS_PASSWORD = "problem.webauthn.needs-password";

	private final RelyingParties relyingParties;
	private final Ceremonies ceremonies;
	private final JdbcWebAuthnUserEntities userEntities;
	private final JdbcWebAuthnCredentials credentials;
	private final Reauthentication reauthentication;
	private final ObjectProvider<SessionRevocation> revocation;
	private final ApplicationEventPublisher events;

	SecurityKeys(RelyingParties relyingParties, Ceremonies ceremonies, JdbcWebAuthnUserEntities userEntities,
			JdbcWebAuthnCredentials credentials, Reauthentication reauthentication,
			ObjectProvider<SessionRevocation> revocation, ApplicationEventPublisher events) {
		this.relyingParties = relyingParties;
		this.ceremonies = ceremonies;
		this.userEntities = userEntities;
		this.credentials = credentials;
		this.reauthentication = reauthentication;
		this.revocation = revocation;
		this.events = events;
	}

	public List<SecurityKey> list(long userId) {
		return credentials.listFor(userId);
	}

	/** Options for navigator.credentials.create (JSON), the challenge kept in the session. */
	public String registrationOptions(long userId, HttpServletRequest request) {
		reauthentication.requireRecentPassword(NEEDS_PASSWORD);
		Bytes challenge = ceremonies.begin(request, Purpose.REGISTRATION, userId);
		return WebAuthnJson.write(creationOptions(userId, request, challenge));
	}

	/** Verifies the browser's new credential against the session's challenge and keeps it under {@code name}. */
	public SecurityKey register(long userId, String name, Object credentialJson, HttpServletRequest request) {
		reauthentication.requireRecentPassword(NEEDS_PASSWORD);
		PublicKeyCredential<AuthenticatorAttestationResponse> credential = WebAuthnJson.attestation(credentialJson);
		Bytes challenge = ceremonies.take(request, Purpose.REGISTRATION, userId)
			.orElseThrow(() -> new LocalizedStatusException(HttpStatus.BAD_REQUEST, "problem.webauthn.no-ceremony"));
		PublicKeyCredentialCreationOptions options = creationOptions(userId, request, challenge);
		try {
			relyingParties.of(request).operations().registerCredential(
					new ImmutableRelyingPartyRegistrationRequest(options, new RelyingPartyPublicKey(credential, name)));
		}
		catch (RuntimeException refused) {
			throw new LocalizedStatusException(HttpStatus.BAD_REQUEST, "problem.webauthn.registration-failed");
		}
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.SECURITY_KEY_ADDED, userId, name));
		signOutOtherSessions(userId, request);
		return credentials.find(userId, credential.getRawId()).orElseThrow();
	}

	/** The renamed key; empty when the user has no key of this id. */
	public Optional<SecurityKey> rename(long userId, String id, String name) {
		return credentialId(id).filter(credentialId -> credentials.rename(userId, credentialId, name))
			.flatMap(credentialId -> credentials.find(userId, credentialId));
	}

	/** False when the user has no key of this id. */
	public boolean remove(long userId, String id, HttpServletRequest request) {
		reauthentication.requireRecentPassword(NEEDS_PASSWORD);
		Optional<SecurityKey> key = credentialId(id).flatMap(credentialId -> credentials.find(userId, credentialId));
		if (key.isEmpty() || !credentials.delete(userId, Bytes.fromBase64(key.get().id()))) {
			return false;
		}
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.SECURITY_KEY_REMOVED, userId, key.get().name()));
		signOutOtherSessions(userId, request);
		return true;
	}

	private PublicKeyCredentialCreationOptions creationOptions(long userId, HttpServletRequest request,
			Bytes challenge) {
		RelyingParty rp = relyingParties.of(request);
		PublicKeyCredentialUserEntity user = userEntities.forUser(userId);
		return Ceremonies.creationOptions(rp, user, credentials.findByUserId(user.getId()), challenge);
	}

	private void signOutOtherSessions(long userId, HttpServletRequest request) {
		HttpSession own = request.getSession(false);
		// revoke first: the store still knows the caller's session by its current id
		revocation.ifAvailable(sessions -> sessions.revokeAllExcept(userId, own == null ? null : own.getId()));
		SessionLogin.renewSessionId(request);
	}

	static Optional<Bytes> credentialId(String id) {
		if (id == null || id.isEmpty() || id.length() > 1400) {
			return Optional.empty();
		}
		try {
			return Optional.of(Bytes.fromBase64(id));
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}
}
