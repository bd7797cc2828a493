package org.gatehouse.token;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a personal access token may do. Session logins are not scoped. */
public enum TokenScope {

	/** Read the account: /api/me, /api/sessions, /api/tokens. */
	USER_READ("user:read"),
	/** Change the account: every unsafe /api/ request, including new tokens and password changes. */
	USER_WRITE("user:write"),
	/** Administration endpoints, and only for users who have the admin role. */
	ADMIN("admin");

	public static final String AUTHORITY_PREFIX = "SCOPE_";

	private final String value;

	TokenScope(String value) {
		this.value = value;
	}

	public String value() {
		return value;
	}

	public String authority() {
		return AUTHORITY_PREFIX + value;
	}

	public GrantedAuthority grantedAuthority() {
		return new SimpleGrantedAuthority(authority());
	}

	public static Optional<TokenScope> parse(String value) {
		return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
	}
}
