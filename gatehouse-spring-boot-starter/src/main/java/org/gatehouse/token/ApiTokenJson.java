package org.gatehouse.token;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** JSON shapes of /api/tokens. */
public final class ApiTokenJson {

	private ApiTokenJson() {
	}

	/**
	 * @param password the caller's current password; needed unless the session re-authenticated
	 *        recently, always with a Bearer token (a stolen token alone cannot mint more tokens)
	 * @param expiresAt at most gatehouse.api.token-max-lifetime ahead; that lifetime when absent
	 */
	public record Create(@NotBlank @Size(max = PersonalAccessTokens.MAX_NAME_LENGTH) String name, List<String> scopes,
			@JsonProperty("expires_at") Instant expiresAt, String password, String code) {
	}

	/** A token as listed; {@code token} is only present in the answer that created it. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Token(long id, String name, String prefix, List<String> scopes,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("expires_at") Instant expiresAt,
			@JsonProperty("last_used_at") Instant lastUsedAt, String token) {

		static Token of(ApiToken token, String secret) {
			return new Token(token.id(), token.name(), token.prefix(),
					token.scopes().stream().sorted().map(TokenScope::value).toList(), token.createdAt(),
					token.expiresAt(), token.lastUsedAt(), secret);
		}
	}
}
