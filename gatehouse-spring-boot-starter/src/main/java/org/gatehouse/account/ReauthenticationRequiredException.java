package org.gatehouse.account;

/**
 * A privileged action was asked for without a recent password. Pages answer with the
 * re-authentication page, /api/ with 403 problem+json carrying {@link #getMessage()}.
 */
public class ReauthenticationRequiredException extends RuntimeException {

	public ReauthenticationRequiredException(String detail) {
		super(detail);
	}
}
