package org.gatehouse.account;

import org.springframework.security.core.AuthenticationException;

/** A login with a control character in it: refused with a 400 before it is looked up or counted. */
public class MalformedLoginException extends AuthenticationException {

	public MalformedLoginException() {
		super("The login contains a control character");
	}
}
