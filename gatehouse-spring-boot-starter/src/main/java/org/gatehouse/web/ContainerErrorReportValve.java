package org.gatehouse.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.gatehouse.http.RequestMessages;
import org.gatehouse.http.SecurityHeadersFilter;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * Tomcat's error report for the responses nobody else wrote a body for: requests the connector
 * refuses before any filter runs (an undecodable or non-normalised URL such as {@code /%ff} or
 * {@code /..;/}, an over-long or malformed header, an unsupported protocol version) and a bare
 * {@code sendError} without an error page. It writes what Gatehouse's own error handling writes:
 * every security header, an RFC 9457 problem document under {@code /api/}, a minimal HTML page
 * (no inline style for the CSP to block, no server name) elsewhere. Responses that already carry a
 * body, such as those of Spring Boot's error page or a host application's error controller, are
 * left alone, as Tomcat's own valve leaves them.
 */
class ContainerErrorReportValve extends ErrorReportValve {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final SecurityHeadersFilter securityHeaders;
	private final RequestMessages messages;
	private final String apiPrefix;

	public ContainerErrorReportValve(SecurityHeadersFilter securityHeaders, RequestMessages messages,
			String contextPath) {
		this.securityHeaders = securityHeaders;
		this.messages = messages;
		this.apiPrefix = contextPath + "/api";
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String reason = known == null ? "Error" : known.getReasonPhrase();
		securityHeaders.setHeaders(request, response);
		try {
			if (mayBeApi(request.getRequestURI())) {
				Map<String, Object> problem = new LinkedHashMap<>();
				problem.put("type", "about:blank");
				problem.put("title", reason);
				problem.put("status", status);
				if (known != null) {
					problem.put("detail", ErrorDetails.of(messages, request, known, request.getRequestURI()));
				}
				write(response, MediaType.APPLICATION_PROBLEM_JSON_VALUE, JSON.writeValueAsString(problem));
			}
			else {
				String title = status + " " + HtmlUtils.htmlEscape(reason);
				String language = HtmlUtils.htmlEscape(messages.locale(request).toLanguageTag());
				write(response, "text/html;charset=UTF-8", "<!doctype html><html lang=\"" + language + "\"><head>"
						+ "<meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>" + title + "</h1><p>"
						+ HtmlUtils.htmlEscape(messages.get(request, "error.text"), "UTF-8") + "</p></body></html>");
			}
		}
		catch (IOException | IllegalStateException clientGone) {
			// nothing more to tell a client that has gone away
		}
	}

	/**
	 * An API path, or no path at all: when the request line itself cannot be parsed (say
	 * {@code GET /api/a|b}) the path is unknown, and a problem document is the answer an API client
	 * can read while a browser still shows it.
	 */
	private boolean mayBeApi(String uri) {
		return uri == null || uri.isEmpty() || uri.equals(apiPrefix) || uri.startsWith(apiPrefix + "/");
	}

	private static void write(Response response, String contentType, String body) throws IOException {
		response.setContentType(contentType);
		Writer writer = response.getReporter();
		if (writer != null) {
			writer.write(body);
			response.finishResponse();
		}
	}
}
