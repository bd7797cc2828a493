package org.gatehouse.webauthn;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.gatehouse.http.LocalizedStatusException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;

/**
 * WebAuthn's JSON between browser and server (base64url bytes, the W3C field names), read and
 * written with Spring Security's Jackson module, apart from the application's own mapper.
 */
final class WebAuthnJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private WebAuthnJson() {
	}

	/** Options for navigator.credentials.create / get, as JSON text. */
	static String write(Object options) {
		return MAPPER.writeValueAsString(options);
	}

	/** The browser's answer to navigator.credentials.create; a malformed one is a {@link MalformedCredentialException} (400). */
	static PublicKeyCredential<AuthenticatorAttestationResponse> attestation(Object json) {
		return read(json, new TypeReference<>() { });
	}

	/** The browser's answer to navigator.credentials.get. */
	static PublicKeyCredential<AuthenticatorAssertionResponse> assertion(Object json) {
		return read(json, new TypeReference<>() { });
	}

	/** {@code json}: the JSON text, or the object a request body's JSON became (a map). */
	private static <T extends PublicKeyCredential<?>> T read(Object json, TypeReference<T> type) {
		if (!(json instanceof String || json instanceof java.util.Map<?, ?>)) {
			throw new MalformedCredentialException();
		}
		try {
			String text = json instanceof String string ? string : MAPPER.writeValueAsString(json);
			T credential = MAPPER.readValue(text, type);
			if (credential == null || credential.getRawId() == null || credential.getResponse() == null) {
				throw new MalformedCredentialException();
			}
			return credential;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new MalformedCredentialException();
		}
	}

	/** The credential JSON could not be read: 400. */
	static class MalformedCredentialException extends LocalizedStatusException {
		MalformedCredentialException() {
			super(HttpStatus.BAD_REQUEST, "problem.webauthn.malformed");
		}
	}
}
