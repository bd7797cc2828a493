package org.gatehouse.mfa;

import java.io.Serial;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A second step's answer, before it is checked: the user of the pending login, which factor, what they typed. */
class SecondFactorAuthenticationToken extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final AccountPrincipal principal;
	private final String factorId;
	private final String answer;
	private final List<String> firstFactorAuthorities;
	/** The request whose session holds a challenge the answer must match (a security key's). */
	private final transient HttpServletRequest request;

	SecondFactorAuthenticationToken(AccountPrincipal principal, String factorId, String answer,
			List<String> firstFactorAuthorities, HttpServletRequest request) {
		super(List.of());
		this.principal = principal;
		this.factorId = factorId;
		this.answer = answer;
		this.firstFactorAuthorities = firstFactorAuthorities;
		this.request = request;
		setAuthenticated(false);
	}

	@Override
	public Object getCredentials() {
		return answer;
	}

	@Override
	public AccountPrincipal getPrincipal() {
		return principal;
	}

	String factorId() {
		return factorId;
	}

	HttpServletRequest request() {
		return request;
	}

	List<String> firstFactorAuthorities() {
		return firstFactorAuthorities;
	}
}
