package org.gatehouse.account;

import java.util.UUID;

import org.gatehouse.password.PasswordService;

/** Test users with unique addresses and names, since every test class shares one database. */
public final class AccountTestUsers {

	public static final String PASSWORD = "plum-orbit-lantern-42";
	public static final String NEW_PASSWORD = "violet-harbour-compass-77";

	private AccountTestUsers() {
	}

	public static String uniqueEmail() {
		return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	public static String uniqueUsername() {
		return "user" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
	}

	/** A confirmed, active user with {@link #PASSWORD}; returns the id. */
	public static long create(UserStore users, PasswordService passwords, String email, String username) {
		return users.create(email, username, passwords.hashNew(PASSWORD), true);
	}
}
