package org.gatehouse.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login form's request details (the client address after the proxies rule). Refuses a login
 * field with a control character in it as typed: Spring Security trims the field before the
 * AuthenticationProvider sees it, which would let leading and trailing ones through.
 */
public class LoginFormDetailsSource implements AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> {

	private final String loginParameter;

	public LoginFormDetailsSource(String loginParameter) {
		this.loginParameter = loginParameter;
	}

	@Override
	public WebAuthenticationDetails buildDetails(HttpServletRequest request) {
		if (LoginNames.isMalformed(request.getParameter(loginParameter))) {
			throw new MalformedLoginException();
		}
		return new WebAuthenticationDetails(request);
	}
}
