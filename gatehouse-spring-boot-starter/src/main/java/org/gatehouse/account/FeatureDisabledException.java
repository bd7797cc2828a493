package org.gatehouse.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A disabled feature's routes answer 404, as if they did not exist. */
public class FeatureDisabledException extends ResponseStatusException {

	public FeatureDisabledException() {
		super(HttpStatus.NOT_FOUND);
	}

	public static void requireEnabled(boolean enabled) {
		if (!enabled) {
			throw new FeatureDisabledException();
		}
	}
}
