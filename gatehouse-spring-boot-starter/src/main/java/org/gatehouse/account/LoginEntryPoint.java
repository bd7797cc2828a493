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

	public LoginEntryPoint(String loginUrl) {
		this.loginUrl = loginUrl;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		String target = UriComponentsBuilder.fromPath(request.getContextPath() + loginUrl).queryParam("next", "{next}")
			.encode().buildAndExpand(next).toUriString();
		response.sendRedirect(target);
	}
}
