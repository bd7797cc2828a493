package org.gatehouse.mfa;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The role policy as an authorization rule: a role in gatehouse.mfa.required-roles is honoured only in a session
 * that proved a second factor. Sessions signed in before the policy (or by a password alone some other way) are
 * refused the admin area and its API.
 */
public class MfaPolicy {

	private final MfaProperties properties;
	private final SecondFactors factors;

	public MfaPolicy(MfaProperties properties, SecondFactors factors) {
		this.properties = properties;
		this.factors = factors;
	}

	/** The role, and a second factor when the policy requires one for it. */
	public AuthorizationManager<RequestAuthorizationContext> hasRole(String role) {
		AuthorityAuthorizationManager<RequestAuthorizationContext> hasRole = AuthorityAuthorizationManager.hasRole(role);
		return new AuthorizationManager<>() {
			@Override
			public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
					RequestAuthorizationContext context) {
				AuthorizationResult byRole = hasRole.authorize(authentication, context);
				if (byRole == null || !byRole.isGranted() || !properties.getRequiredRoles().contains(role)) {
					return byRole;
				}
				return new AuthorizationDecision(hasSecondFactor(authentication.get()));
			}
		};
	}

	boolean hasSecondFactor(Authentication authentication) {
		return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.anyMatch(factors.secondFactorAuthorities()::contains);
	}
}
