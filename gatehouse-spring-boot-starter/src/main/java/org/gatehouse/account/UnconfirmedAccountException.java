package org.gatehouse.account;

import org.springframework.security.authentication.AccountStatusException;

/** Raised only after the password was verified, so it reveals nothing to a guesser. */
public class UnconfirmedAccountException extends AccountStatusException {

	public UnconfirmedAccountException() {
		super("Email address not confirmed");
	}
}
