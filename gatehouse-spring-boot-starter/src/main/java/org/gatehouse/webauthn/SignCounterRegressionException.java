package org.gatehouse.webauthn;

/**
 * An assertion whose signature counter did not grow past the stored one: a copy of the key (or a
 * replayed assertion) was used. Spring Security's relying party checks the counter only against the
 * one of the registration, so the stored counter is enforced where it is written.
 */
class SignCounterRegressionException extends IllegalStateException {

	SignCounterRegressionException() {
		super("Signature counter did not increase: the authenticator may have been cloned");
	}
}
