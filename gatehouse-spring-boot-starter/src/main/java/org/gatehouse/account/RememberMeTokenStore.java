package org.gatehouse.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Where remember-me logins are kept: hashes of series and tokens, never the values themselves.
 * The default is the table gh_remember_me; an application may declare its own bean instead.
 */
public interface RememberMeTokenStore {

	/**
	 * Session attribute naming the remember-me series (its hash) the session's browser holds, so
	 * that ending the session also ends the remember-me login that would bring it back.
	 */
	String SESSION_SERIES_ATTRIBUTE = "gatehouse.rememberMe.series";

	/**
	 * @param previousTokenHash the token replaced at {@code rotatedAt}, or null before the first rotation
	 */
	record Entry(long userId, String tokenHash, String previousTokenHash, Instant rotatedAt, Instant expiresAt) {
	}

	void save(String seriesHash, long userId, String tokenHash, Instant created, Instant expires);

	Optional<Entry> find(String seriesHash);

	/**
	 * Replaces the token, if it still is {@code expectedTokenHash} (compare-and-set: of two parallel
	 * requests with the same token only one rotates); the replaced token is kept as the previous one.
	 */
	boolean rotate(String seriesHash, String expectedTokenHash, String newTokenHash, Instant now);

	void delete(String seriesHash);

	int deleteAllFor(long userId);

	/** Every remember-me login of the user but the one named (null keeps none). */
	int deleteAllForExcept(long userId, String keepSeriesHash);

	int deleteExpired(Instant now);
}
