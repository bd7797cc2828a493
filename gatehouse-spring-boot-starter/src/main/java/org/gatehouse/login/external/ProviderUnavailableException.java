package org.gatehouse.login.external;

/** A provider's discovery document could not be read: its sign-in is unavailable for now. */
public class ProviderUnavailableException extends RuntimeException {

	ProviderUnavailableException(String provider, Throwable cause) {
		super("Provider " + provider + " is unavailable", cause);
	}
}
