package org.gatehouse.passwordless;

import java.time.Duration;

import org.gatehouse.account.User;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;

/** Spring Security's token request, with the account (for its security stamp) and the asking browser. */
class LoginLinkRequest extends GenerateOneTimeTokenRequest {

	private final User user;
	private final String browserHash;

	LoginLinkRequest(User user, String browserHash, Duration lifetime) {
		super(Long.toString(user.id()), lifetime);
		this.user = user;
		this.browserHash = browserHash;
	}

	User user() {
		return user;
	}

	String browserHash() {
		return browserHash;
	}
}
