package org.gatehouse.api;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.http.ApiRequests;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Request bodies the DispatcherServlet cannot even parse before choosing a handler (a multipart
 * content type without a valid boundary or body) are the client's fault: 400 (413 when too
 * large), not the 500 Spring MVC would leave them as. Global, because no handler is known yet.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class MalformedRequestAdvice {

	@ExceptionHandler(MultipartException.class)
	public ResponseEntity<?> malformedMultipart(MultipartException ex, HttpServletRequest request) {
		HttpStatus status = ex instanceof MaxUploadSizeExceededException ? HttpStatus.PAYLOAD_TOO_LARGE
				: HttpStatus.BAD_REQUEST;
		String detail = "Malformed or unreadable multipart request body";
		if (ApiRequests.isApi(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(status.getReasonPhrase());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN)
			.body(status.getReasonPhrase() + ": " + detail);
	}
}
