package org.gatehouse.http;

import java.time.Duration;

/** A rate limit was reached; pages answer with a friendly 429 page, the API with a 429 problem. */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(Duration retryAfter) {
		super("Too many requests");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	public long retryAfterSeconds() {
		return Math.max(1, retryAfter.toSeconds());
	}
}
