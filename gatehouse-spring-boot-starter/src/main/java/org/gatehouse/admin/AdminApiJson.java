package org.gatehouse.admin;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.gatehouse.account.AccountJson;
import org.gatehouse.account.User;
import org.gatehouse.session.SessionView;
import org.gatehouse.token.ApiToken;
import org.gatehouse.token.TokenScope;

/** JSON shapes of /api/admin/. */
public final class AdminApiJson {

	private AdminApiJson() {
	}

	/** A page of the user search; {@code next_cursor} is the {@code after} of the next page, null on the last. */
	public record UserPage(List<AccountJson> items, @JsonProperty("next_cursor") String nextCursor) {

		static UserPage of(UserSearch.Page page) {
			return new UserPage(page.users().stream().map(AccountJson::of).toList(), page.nextCursor());
		}
	}

	/** Everything the admin user page shows: the account, its live sessions and its usable tokens. */
	public record UserDetail(long id, String email, String username, boolean active, boolean confirmed,
			List<String> roles, @JsonProperty("confirmed_at") Instant confirmedAt,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("current_login_at") Instant currentLoginAt,
			@JsonProperty("last_login_at") Instant lastLoginAt, @JsonProperty("current_login_ip") String currentLoginIp,
			@JsonProperty("last_login_ip") String lastLoginIp, @JsonProperty("login_count") int loginCount,
			List<SessionView> sessions, List<TokenSummary> tokens) {

		static UserDetail of(User user, List<SessionView> sessions, List<ApiToken> tokens) {
			return new UserDetail(user.id(), user.email(), user.username(), user.active(), user.confirmed(),
					user.roles().stream().sorted().toList(), user.confirmedAt(), user.createdAt(),
					user.currentLoginAt(), user.lastLoginAt(), user.currentLoginIp(), user.lastLoginIp(),
					user.loginCount(), sessions, tokens.stream().map(TokenSummary::of).toList());
		}
	}

	/** A personal access token as an administrator sees it: never the secret, only its shown prefix. */
	public record TokenSummary(long id, String name, String prefix, List<String> scopes,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("expires_at") Instant expiresAt,
			@JsonProperty("last_used_at") Instant lastUsedAt) {

		static TokenSummary of(ApiToken token) {
			return new TokenSummary(token.id(), token.name(), token.prefix(),
					token.scopes().stream().sorted().map(TokenScope::value).toList(), token.createdAt(),
					token.expiresAt(), token.lastUsedAt());
		}
	}

	public record Role(@NotBlank(message = "{admin.api.role.required}") @Size(max = 80) String role) {
	}

	/** @param code a code of the admin's second factor, when they have one */
	public record Password(@NotBlank(message = "{account.password.required}") String password,
			@Size(max = 64) String code) {
	}

	public record Reauthenticated(@JsonProperty("valid_until") Instant validUntil) {
	}

	public record Revoked(int revoked) {
	}
}
