package org.gatehouse.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Gatehouse's user store: what Spring Security's {@code UserDetailsManager} is to its users, for
 * Gatehouse's accounts (email and optional username, password hash, status, roles, login record).
 * Every feature reads and writes accounts through it. The default is {@link JdbcUserStore}, on
 * Gatehouse's own tables; an application that keeps its users elsewhere declares its own bean of
 * this type and Gatehouse's backs off.
 */
public interface UserStore {

	/** The key that makes email addresses unique regardless of case: the login's normal form. */
	static String emailKey(String email) {
		return LoginNames.normalise(email);
	}

	/** The key that makes usernames unique regardless of case, or null for none. */
	static String usernameKey(String username) {
		return username == null || username.isBlank() ? null : LoginNames.normalise(username);
	}

	Optional<User> findById(long id);

	/** Since when the user is banned (deactivated), when known: empty for active users and older bans. */
	default Optional<java.time.Instant> bannedAt(long id) {
		return Optional.empty();
	}

	Optional<User> findByEmail(String email);

	/** Finds a user by email address or, when the login has no "@", by username. */
	Optional<User> findByLogin(String login);

	boolean emailTaken(String email);

	boolean usernameTaken(String username);

	/**
	 * Inserts a user and returns its id. Of two concurrent inserts of the same email address (or
	 * username) one fails with DuplicateKeyException and leaves nothing behind.
	 */
	long create(String email, String username, String passwordHash, boolean confirmed);

	/** Replaces the hash only if it is still the one that was verified (upgrade at login). */
	boolean replacePasswordHashIfUnchanged(long id, String expectedHash, String newHash);

	/** Sets a new password chosen by the user; the new security stamp kills outstanding links and cookies. */
	void changePassword(long id, String newHash);

	boolean confirm(long id);

	/**
	 * Sets a new email address (a confirmed change of address, its revert, or an administrator's change): the
	 * address counts as confirmed, and the new security stamp ends outstanding reset and invitation links, which
	 * went to the old address; sessions and remember-me logins stay. Of two users given the same address at once,
	 * one fails with DuplicateKeyException (the unique email_key decides) and nothing is changed for it.
	 * The default refuses: a store of the application's own that keeps its users elsewhere implements it to offer
	 * the change of address.
	 */
	default void changeEmail(long id, String newEmail) {
		throw new UnsupportedOperationException("This user store cannot change email addresses");
	}

	void setActive(long id, boolean active);

	/** Shifts current login to last login and counts, in one statement so concurrent logins stay consistent. */
	void recordLogin(long id, String ip);

	/** Erases login IPs recorded before the cutoff (privacy retention). */
	int eraseLoginIpsBefore(Instant cutoff);

	void addRole(long userId, String role);

	void removeRole(long userId, String role);

	/**
	 * Every stored password hash, in id order, read in keyset pages of {@code pageSize} rows (only the
	 * id and the hash are read, and at most one page is held at a time).
	 */
	void forEachPasswordHash(int pageSize, Consumer<String> action);

	/** Users with an id above {@code afterId}, in id order: keyset paging, no OFFSET scan. */
	List<User> listAfterId(long afterId, int limit);

	/** Users whose email starts with the prefix, in {@link #emailKey} order after {@code afterKey}. */
	List<User> searchByEmailPrefix(String prefix, String afterKey, int limit);

	/** As {@link #searchByEmailPrefix}, on the unique username_key index. */
	List<User> searchByUsernamePrefix(String prefix, String afterKey, int limit);

	/**
	 * The same users with their role names, read in one statement for the whole list (the list
	 * queries above read gh_user only, so their users carry no roles).
	 */
	List<User> withRoles(List<User> found);

	boolean anyActiveUserWithRole(String role);

	List<String> roleNames();

	/** Sets the status and confirmation time of an imported user as the other system had them. */
	void setImportedState(long id, boolean active, Instant confirmedAt);
}
