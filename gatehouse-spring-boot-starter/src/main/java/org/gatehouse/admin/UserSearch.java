package org.gatehouse.admin;

import java.util.List;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.springframework.stereotype.Service;

/**
 * The admin user list: all users by id, or those whose email or username starts with a
 * prefix, in key order. Pages continue after the last key of the previous page (keyset), so a
 * page costs the same at user 10 as at user 1,000,000, and nothing is counted.
 */
@Service
public class UserSearch {

	public enum Field { EMAIL, USERNAME }

	public record Page(List<User> users, String nextCursor) {
	}

	private final UserStore users;

	public UserSearch(UserStore users) {
		this.users = users;
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

	private static Page page(List<User> found, int size, java.util.function.Function<User, String> key) {
		if (found.size() <= size) {
			return new Page(found, null);
		}
		List<User> shown = found.subList(0, size);
		return new Page(shown, key.apply(shown.get(size - 1)));
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
