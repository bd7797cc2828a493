package org.gatehouse.http;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A refusal with a status whose detail is a message key: the API's error handler resolves it in the
 * request's language through Spring's {@code ErrorResponse#updateAndGetBody}. The key is also the
 * reason, so logs name it.
 */
public class LocalizedStatusException extends ResponseStatusException {

	public LocalizedStatusException(HttpStatus status, String messageKey, Object... arguments) {
		super(status, messageKey, null, messageKey, arguments);
	}
}
