package org.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.http.ApiRequests;
import org.gatehouse.http.RequestMessages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Gatehouse's sentence, in the request's language, for an error status the container or the framework sent. */
final class ErrorDetails {

	private ErrorDetails() {
	}

	static String of(RequestMessages messages, HttpServletRequest request, HttpStatus status, String path) {
		return switch (status) {
			case NOT_FOUND -> messages.get(request, "problem.not-found", request.getMethod(),
					ApiRequests.shownPath(path == null ? "" : path));
			case METHOD_NOT_ALLOWED -> messages.get(request, "problem.method-not-allowed", request.getMethod());
			case UNSUPPORTED_MEDIA_TYPE -> messages.get(request, "problem.unsupported-media-type",
					MediaType.APPLICATION_JSON_VALUE);
			case NOT_ACCEPTABLE -> messages.get(request, "problem.not-acceptable");
			case UNAUTHORIZED -> messages.get(request, "problem.authentication-required");
			case FORBIDDEN -> messages.get(request, "problem.access-denied");
			case SERVICE_UNAVAILABLE -> messages.get(request, "problem.service-unavailable");
			default -> messages.get(request, "problem.refused");
		};
	}
}
