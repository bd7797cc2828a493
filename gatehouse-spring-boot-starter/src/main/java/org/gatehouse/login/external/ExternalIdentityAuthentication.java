package org.gatehouse.login.external;

import java.io.Serial;

import org.gatehouse.account.AccountPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A sign-in with an identity the provider has just vouched for: unauthenticated it names the provider and subject,
 * authenticated it carries the linked Gatehouse user. It lives for the request only; the session stores the login as
 * every other Gatehouse login.
 */
public class ExternalIdentityAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String provider;
	private final String subject;
	private final AccountPrincipal principal;

	private ExternalIdentityAuthentication(String provider, String subject, AccountPrincipal principal) {
		super(principal == null ? java.util.List.of() : principal.getAuthorities());
		this.provider = provider;
		this.subject = subject;
		this.principal = principal;
		setAuthenticated(principal != null);
	}

	static ExternalIdentityAuthentication unauthenticated(String provider, String subject) {
		return new ExternalIdentityAuthentication(provider, subject, null);
	}

	static ExternalIdentityAuthentication authenticated(String provider, String subject, AccountPrincipal principal) {
		return new ExternalIdentityAuthentication(provider, subject, principal);
	}

	public String provider() {
		return provider;
	}

	public String subject() {
		return subject;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	/** The Gatehouse user once authenticated, else the subject. */
	@Override
	public Object getPrincipal() {
		return principal != null ? principal : subject;
	}
}
