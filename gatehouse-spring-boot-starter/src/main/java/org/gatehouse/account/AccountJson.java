package org.gatehouse.account;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The user as /api/me and /api/login return it (Invenio-Accounts field names). */
public record AccountJson(long id, String email, String username, boolean active, List<String> roles,
		@JsonProperty("confirmed_at") Instant confirmedAt, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("current_login_at") Instant currentLoginAt, @JsonProperty("last_login_at") Instant lastLoginAt,
		@JsonProperty("current_login_ip") String currentLoginIp, @JsonProperty("last_login_ip") String lastLoginIp,
		@JsonProperty("login_count") int loginCount) {

	public static AccountJson of(User user) {
		return new AccountJson(user.id(), user.email(), user.username(), user.active(),
				user.roles().stream().sorted().toList(), user.confirmedAt(), user.createdAt(), user.currentLoginAt(),
				user.lastLoginAt(), user.currentLoginIp(), user.lastLoginIp(), user.loginCount());
	}
}
