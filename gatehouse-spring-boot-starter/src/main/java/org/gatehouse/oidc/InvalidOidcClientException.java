package org.gatehouse.oidc;

/**
 * A client registration that cannot be accepted; the message says why, in words for an administrator (the command
 * line prints it), and the message key with its arguments says the same in the page's or API request's language.
 */
public class InvalidOidcClientException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;
	private final transient Object[] arguments;

	public InvalidOidcClientException(String messageKey, String message, Object... arguments) {
		super(message);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
