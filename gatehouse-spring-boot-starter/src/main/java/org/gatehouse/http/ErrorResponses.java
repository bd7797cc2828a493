package org.gatehouse.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Short error responses written by filters that run before Spring MVC: plain text, or an
 * RFC 9457 problem document for API paths. Written directly instead of through
 * {@code sendError} so no error page (and no application code) runs for them.
 */
final class ErrorResponses {

	private ErrorResponses() {
	}

	static void plainText(HttpServletResponse response, int status, String message) throws IOException {
		write(response, status, "text/plain;charset=UTF-8", message);
	}

	static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
		String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"}";
		write(response, status, "application/problem+json", json);
	}

	private static void write(HttpServletResponse response, int status, String contentType, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(contentType);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		response.flushBuffer();
	}
}
