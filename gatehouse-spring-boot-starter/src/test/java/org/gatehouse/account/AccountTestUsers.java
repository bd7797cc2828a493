package org.gatehouse.account;

import java.util.UUID;

/** Test users with unique addresses and names, since every test class shares one database. */
final class AccountTestUsers {

	static final String PASSWORD = "plum-orbit-lantern-42";
	static final String NEW_PASSWORD = "violet-harbour-compass-77";

	private AccountTestUsers() {
	}

	static String uniqueEmail() {
		return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	static String uniqueUsername() {
		return "user" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
	}

	/** A confirmed, active user with {@link #PASSWORD}; returns the id. */
	static long create(UserStore users, PasswordService passwords, String email, String username) {
		return users.create(email, username, passwords.hashNew(PASSWORD), true);
	}
}
