package org.gatehouse.oidc;

/** A client registration that cannot be accepted; the message says why, in words for an administrator. */
public class InvalidOidcClientException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InvalidOidcClientException(String message) {
		super(message);
	}
}
