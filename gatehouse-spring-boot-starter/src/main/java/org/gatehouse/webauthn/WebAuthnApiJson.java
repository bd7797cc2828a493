package org.gatehouse.webauthn;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** JSON shapes of /api/webauthn/. */
public final class WebAuthnApiJson {

	static final int MAX_NAME_LENGTH = 64;

	private WebAuthnApiJson() {
	}

	/**
	 * @param password the current password, unless the session re-authenticated recently
	 * @param code a code of the user's second factor with the password, when they have one
	 */
	public record Password(String password, @Size(max = 64) String code) {
	}

	/**
	 * @param credential what navigator.credentials.create gave, with its byte fields in base64url
	 *        (id, rawId, type, response.attestationObject, response.clientDataJSON, response.transports)
	 */
	public record Register(@NotBlank @Size(max = MAX_NAME_LENGTH) String name, @NotNull Map<String, Object> credential,
			String password, @Size(max = 64) String code) {
	}

	public record Rename(@NotBlank @Size(max = MAX_NAME_LENGTH) String name) {
	}

	/**
	 * @param credential what navigator.credentials.get gave (id, rawId, type, response.authenticatorData,
	 *        response.clientDataJSON, response.signature, response.userHandle), bytes in base64url
	 * @param next where to go afterwards (same host only); the post-login page when absent or unsafe
	 */
	public record SignIn(@NotNull Map<String, Object> credential, String next) {
	}

	/** A security key or passkey as listed; {@code synced}: the authenticator may copy it to other devices. */
	public record Key(String id, String name, @JsonProperty("created_at") Instant createdAt,
			@JsonProperty("last_used_at") Instant lastUsedAt, boolean synced) {

		static Key of(SecurityKey key) {
			return new Key(key.id(), key.name(), key.createdAt(), key.lastUsedAt(), key.synced());
		}
	}

	/** The signed-in account after a passkey sign-in, and where the browser goes next. */
	public record SignedIn(long id, String email, String username,
			@JsonProperty("redirect_url") String redirectUrl) {
	}
}
