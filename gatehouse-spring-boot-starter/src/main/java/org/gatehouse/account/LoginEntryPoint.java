package org.gatehouse.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.util.UriComponentsBuilder;

/** Sends anonymous page requests to the login page with "next" set to where they were going. */
public class LoginEntryPoint implements AuthenticationEntryPoint {

	private final String loginUrl;
	private final LoginCompletion completion;

	public LoginEntryPoint(String loginUrl) {
		this(loginUrl, LoginCompletion.NONE);
	}

	/** A browser whose login waits for its next step (a second factor) is sent to that step instead. */
	public LoginEntryPoint(String loginUrl, LoginCompletion completion) {
		this.loginUrl = loginUrl;
		this.completion = completion;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		var pending = completion.pendingStep(request);
		if (pending.isPresent()) {
			response.sendRedirect(request.getContextPath() + pending.get().page());
			return;
		}
		String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		String target = UriComponentsBuilder.fromPath(request.getContextPath() + loginUrl).queryParam("next", "{next}")
			.encode().buildAndExpand(next).toUriString();
		response.sendRedirect(target);
	}
}
