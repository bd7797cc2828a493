package org.gatehouse.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.http.RequestMessages;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error responses: RFC 9457 problem+json under /api/, an HTML page elsewhere. Only the
 * status and its standard phrase are shown: never an exception message or a stack trace.
 */
@Controller
class GatehouseErrorController implements ErrorController {

	private final RequestMessages messages;

	GatehouseErrorController(RequestMessages messages) {
		this.messages = messages;
	}

	@RequestMapping("/error")
	public Object error(HttpServletRequest request) {
		HttpStatus status = status(request);
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path != null && (path.startsWith("/api/") || path.equals("/api"))) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
					ErrorDetails.of(messages, request, status, path));
			problem.setType(java.net.URI.create("about:blank"));
			problem.setTitle(status.getReasonPhrase());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("gatehouse/error", Map.of("status", status.value(),
				"reason", status.getReasonPhrase(), "text", pageText(request, path)));
		page.setStatus(status);
		return page;
	}

	/** The admin area refused for want of the role says so; anything else (a stale form's CSRF token too) is generic. */
	private static String pageText(HttpServletRequest request, String path) {
		boolean roleMissing = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof AccessDeniedException denied
				&& !(denied instanceof CsrfException);
		return roleMissing && path != null && (path.equals("/admin") || path.startsWith("/admin/"))
				? "error.admin-role" : "error.text";
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}
}
