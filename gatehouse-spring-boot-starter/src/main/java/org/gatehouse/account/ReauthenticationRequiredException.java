package org.gatehouse.account;

/**
 * A privileged action was asked for without a recent password. Pages answer with the
 * re-authentication page, /api/ with 403 problem+json whose detail is the message key resolved in
 * the request's language.
 */
public class ReauthenticationRequiredException extends RuntimeException {

	private final transient Object[] arguments;

	public ReauthenticationRequiredException(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = arguments.clone();
	}

	public String messageKey() {
		return getMessage();
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
