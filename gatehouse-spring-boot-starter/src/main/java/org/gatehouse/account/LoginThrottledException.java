package org.gatehouse.account;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A login refused without looking at the password. An AccountStatusException, so Spring
 * Security's ProviderManager stops here instead of asking other providers.
 */
public class LoginThrottledException extends AccountStatusException {

	public LoginThrottledException() {
		super("Too many attempts");
	}
}
