package org.gatehouse.admin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;

/**
 * The admin user list: all users by id, or those whose email or username starts with a
 * prefix, in key order. Pages continue after the last key of the previous page (keyset), so a
 * page costs the same at user 10 as at user 1,000,000, and nothing is counted.
 */
public class UserSearch {

	public enum Field {
		EMAIL, USERNAME;

		/** "email" (also when absent) or "username"; empty for anything else. */
		public static Optional<Field> parse(String by) {
			if (by == null || by.isBlank() || "email".equals(by)) {
				return Optional.of(EMAIL);
			}
			return "username".equals(by) ? Optional.of(USERNAME) : Optional.empty();
		}

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Longest search prefix or cursor: an email address or username is no longer. */
	public static final int MAX_QUERY_LENGTH = 320;

	/** Users per page of the admin list, on the page and in the API. */
	public static final int PAGE_SIZE = 50;

	public record Page(List<User> users, String nextCursor) {
	}

	private final UserStore users;

	public UserSearch(UserStore users) {
		this.users = users;
	}

	/** The first or next page of a search as typed: the prefix is stripped, blank means all users. */
	public Page search(String query, Field field, String cursor) {
		return search(query == null ? null : query.strip(), field, cursor, PAGE_SIZE);
	}

	/** @param cursor the nextCursor of the previous page, or null for the first page */
	public Page search(String prefix, Field field, String cursor, int size) {
		if (prefix == null || prefix.isBlank()) {
			long afterId = parseId(cursor);
			List<User> found = users.listAfterId(afterId, size + 1);
			return page(found, size, u -> Long.toString(u.id()));
		}
		if (field == Field.USERNAME) {
			return page(users.searchByUsernamePrefix(prefix, cursor, size + 1), size,
					u -> UserStore.usernameKey(u.username()));
		}
		return page(users.searchByEmailPrefix(prefix, cursor, size + 1), size, u -> UserStore.emailKey(u.email()));
	}

	private Page page(List<User> found, int size, java.util.function.Function<User, String> key) {
		if (found.size() <= size) {
			return new Page(users.withRoles(found), null);
		}
		List<User> shown = found.subList(0, size);
		return new Page(users.withRoles(shown), key.apply(shown.get(size - 1)));
	}

	private static long parseId(String cursor) {
		try {
			return cursor == null ? 0 : Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
