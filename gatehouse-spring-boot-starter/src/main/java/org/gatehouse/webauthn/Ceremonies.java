package org.gatehouse.webauthn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.webauthn.RelyingParties.RelyingParty;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;

/**
 * The options of a WebAuthn ceremony and its challenge. The session keeps only the challenge, its
 * purpose and its time (a string: sessions hold no application objects), and the options are made
 * again from them when the browser answers; a challenge is taken out of the session by the answer,
 * so each is used once, and it expires with the ceremony's timeout.
 */
class Ceremonies {

	enum Purpose {
		REGISTRATION, SIGN_IN, SECOND_FACTOR
	}

	static final Duration TIMEOUT = Duration.ofMinutes(5);
	private static final String ATTRIBUTE = "gatehouse.webauthn.ceremony.";

	private final Clock clock;

	Ceremonies(Clock clock) {
		this.clock = clock;
	}

	/** A new challenge for this purpose (and account, for a second factor), replacing any earlier one. */
	Bytes begin(HttpServletRequest request, Purpose purpose, Long userId) {
		Bytes challenge = Bytes.random();
		request.getSession().setAttribute(ATTRIBUTE + purpose,
				challenge.toBase64UrlString() + "|" + clock.millis() + "|" + (userId == null ? "" : userId));
		return challenge;
	}

	/** The challenge of the ceremony under way, if it is this account's and not expired; removed either way. */
	Optional<Bytes> take(HttpServletRequest request, Purpose purpose, Long userId) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE + purpose) instanceof String stored)) {
			return Optional.empty();
		}
		session.removeAttribute(ATTRIBUTE + purpose);
		String[] parts = stored.split("\\|", -1);
		boolean expired = Instant.ofEpochMilli(Long.parseLong(parts[1])).plus(TIMEOUT).isBefore(clock.instant());
		boolean sameAccount = parts[2].equals(userId == null ? "" : userId.toString());
		return expired || !sameAccount ? Optional.empty() : Optional.of(Bytes.fromBase64(parts[0]));
	}

	/**
	 * Resident key preferred: a passkey where the authenticator can keep one (for sign-in without a
	 * password), an older security key still registers as a second factor.
	 */
	static PublicKeyCredentialCreationOptions creationOptions(RelyingParty rp, PublicKeyCredentialUserEntity user,
			List<CredentialRecord> existing, Bytes challenge) {
		return PublicKeyCredentialCreationOptions.builder()
			.rp(rp.entity())
			.user(user)
			.challenge(challenge)
			.pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
					PublicKeyCredentialParameters.RS256)
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.userVerification(rp.userVerification())
				.residentKey(ResidentKeyRequirement.PREFERRED)
				.build())
			.attestation(AttestationConveyancePreference.NONE)
			.excludeCredentials(descriptors(existing))
			.timeout(TIMEOUT)
			.build();
	}

	/** No allowed credentials: the browser offers the passkeys it has for this site (discoverable credentials). */
	static PublicKeyCredentialRequestOptions requestOptions(RelyingParty rp, List<CredentialRecord> allowed,
			Bytes challenge) {
		return PublicKeyCredentialRequestOptions.builder()
			.challenge(challenge)
			.rpId(rp.entity().getId())
			.allowCredentials(descriptors(allowed))
			.userVerification(rp.userVerification())
			.timeout(TIMEOUT)
			.build();
	}

	private static List<PublicKeyCredentialDescriptor> descriptors(List<CredentialRecord> records) {
		return records.stream()
			.map(record -> PublicKeyCredentialDescriptor.builder()
				.id(record.getCredentialId())
				.transports(record.getTransports())
				.build())
			.toList();
	}
}
