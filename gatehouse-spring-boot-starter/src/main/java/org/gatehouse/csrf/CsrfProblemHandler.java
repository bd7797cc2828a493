package org.gatehouse.csrf;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.http.ProblemResponses;
import org.gatehouse.http.RequestMessages;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 403 problem documents for the session-based API chain, naming the CSRF check that failed. The CSRF
 * details stay English: clients of Flask-Security-style APIs match on them.
 */
public class CsrfProblemHandler implements AccessDeniedHandler {

	public static final String MISSING = "CSRF token missing";
	public static final String MISMATCH = "CSRF token mismatch";

	private final RestCsrfTokenRepository tokens;
	private final String headerName;
	private final RequestMessages messages;

	public CsrfProblemHandler(RestCsrfTokenRepository tokens, String headerName, RequestMessages messages) {
		this.tokens = tokens;
		this.headerName = headerName;
		this.messages = messages;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		if (!(denied instanceof CsrfException)) {
			messages.problem(request, response, HttpStatus.FORBIDDEN, "problem.access-denied");
			return;
		}
		String header = request.getHeader(headerName);
		boolean missing = header == null || header.isEmpty() || tokens.cookieValue(request).isEmpty();
		// a cookie equal to the header that still fails was made for another session: a mismatch too
		ProblemResponses.write(response, HttpStatus.FORBIDDEN, missing ? MISSING : MISMATCH);
	}
}
