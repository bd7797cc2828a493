package org.gatehouse.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.ObjectMapper;

/**
 * Error answers written by filters that run before Spring MVC (and its ProblemDetail support):
 * an RFC 9457 problem document for API paths (401, 403, the CSRF refusals, 413 ...), plain text
 * elsewhere. Written directly instead of through {@code sendError} so no error page (and no
 * application code) runs for them.
 */
public final class ProblemResponses {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProblemResponses() {
	}

	public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		write(response, status.value(), status.getReasonPhrase(), detail);
	}

	/** A problem document whose title is not the status's current reason phrase (413 "Payload Too Large"). */
	static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		send(response, status, MediaType.APPLICATION_PROBLEM_JSON_VALUE, JSON.writeValueAsBytes(problem));
	}

	public static void plainText(HttpServletResponse response, int status, String message) throws IOException {
		send(response, status, "text/plain;charset=UTF-8", message.getBytes(StandardCharsets.UTF_8));
	}

	private static void send(HttpServletResponse response, int status, String contentType, byte[] body)
			throws IOException {
		if (!response.isCommitted()) {
			response.resetBuffer();
		}
		response.setStatus(status);
		response.setContentType(contentType);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}
}
