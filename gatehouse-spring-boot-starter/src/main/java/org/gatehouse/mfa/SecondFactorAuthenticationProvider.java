package org.gatehouse.mfa;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.account.AccountPrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * Checks a second step's answer with the factor it names; a right one makes the completed login: the user's
 * roles, the first factor's authorities and the second factor's ({@code FACTOR_TOTP}, ...). Not a bean: the
 * application's own AuthenticationManager keeps its single password provider.
 */
class SecondFactorAuthenticationProvider implements AuthenticationProvider {

	private final SecondFactors factors;

	SecondFactorAuthenticationProvider(SecondFactors factors) {
		this.factors = factors;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		SecondFactorAuthenticationToken answer = (SecondFactorAuthenticationToken) authentication;
		long userId = answer.getPrincipal().id();
		SecondFactor factor = factors.byId(answer.factorId()).filter(f -> f.isEnrolled(userId))
			.orElseThrow(() -> new BadCredentialsException("No such second factor"));
		String given = (String) answer.getCredentials();
		if (given == null || given.length() > factor.maxAnswerLength()
				|| !factor.verify(userId, given, answer.request())) {
			throw new BadCredentialsException("Wrong second factor");
		}
		return completed(answer.getPrincipal(), answer.firstFactorAuthorities(), factor.authority());
	}

	static Authentication completed(AccountPrincipal principal, List<String> firstFactorAuthorities,
			String secondFactorAuthority) {
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		firstFactorAuthorities.forEach(a -> authorities.add(FactorGrantedAuthority.fromAuthority(a)));
		authorities.add(FactorGrantedAuthority.fromAuthority(secondFactorAuthority));
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SecondFactorAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
