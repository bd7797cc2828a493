package org.gatehouse.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where personal access tokens are kept, by the SHA-256 of the token, never the token itself.
 * The default is the table gh_api_token; an application may declare its own bean instead.
 */
public interface ApiTokenStore {

	/** @return the new token's id */
	long create(long userId, String name, String tokenHash, String prefix, Set<TokenScope> scopes, Instant createdAt,
			Instant expiresAt);

	Optional<ApiToken> findByHash(String tokenHash);

	Optional<ApiToken> findById(long id);

	/** The user's tokens that are not revoked, newest first. */
	List<ApiToken> listFor(long userId);

	/** Revokes one of the user's own tokens; false when it does not exist, is not theirs or is already revoked. */
	boolean revoke(long userId, long id, Instant now);

	/** For the ban flow: every token of the user stops working at once. */
	int revokeAllFor(long userId, Instant now);

	/** Records a use, writing at most once per {@code interval} per token. */
	void touch(long id, Instant now, Duration interval);
}
