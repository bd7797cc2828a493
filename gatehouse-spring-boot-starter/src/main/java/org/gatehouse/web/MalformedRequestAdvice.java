package org.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.http.RequestMessages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Request bodies the DispatcherServlet cannot even parse before choosing a handler (a multipart
 * content type without a valid boundary or body) are the client's fault: 400 (413 when too
 * large), not the 500 Spring MVC would leave them as. Global, because no handler is known yet, so
 * part of {@link GatehouseErrorPages}, for the application that owns every URL; under /api/ the
 * api package's FrameworkErrorResolver answers first, with a problem document.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MalformedRequestAdvice {

	private final RequestMessages messages;

	MalformedRequestAdvice(RequestMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<String> malformedMultipart(MultipartException ex, HttpServletRequest request) {
		HttpStatus status = ex instanceof MaxUploadSizeExceededException ? HttpStatus.PAYLOAD_TOO_LARGE
				: HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN)
			.body(status.getReasonPhrase() + ": " + messages.get(request, "problem.multipart"));
	}
}
