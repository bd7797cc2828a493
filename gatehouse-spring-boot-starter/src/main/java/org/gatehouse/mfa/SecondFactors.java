package org.gatehouse.mfa;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.authority.FactorGrantedAuthority;

/** Every {@link SecondFactor} bean, and the role policy (gatehouse.mfa.required-roles). */
public class SecondFactors {

	public static final String REMEMBERED_BROWSER_AUTHORITY = "FACTOR_REMEMBERED_BROWSER";

	private final List<SecondFactor> all;
	private final MfaProperties properties;
	private final Set<String> secondFactorAuthorities = new HashSet<>();

	public SecondFactors(List<SecondFactor> all, MfaProperties properties) {
		this.all = List.copyOf(all);
		this.properties = properties;
		all.forEach(factor -> secondFactorAuthorities.add(factor.authority()));
		// a passkey with user verification is something the user has and is (or knows): a login of its own
		secondFactorAuthorities.add(FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
		// a browser the user let skip the second step after one (gatehouse.mfa.remember-browser)
		secondFactorAuthorities.add(REMEMBERED_BROWSER_AUTHORITY);
	}

	public List<SecondFactor> enrolled(long userId) {
		return all.stream().filter(factor -> factor.isEnrolled(userId)).toList();
	}

	/** Removes every factor another package plugged in (a security key): an administrator's reset. */
	boolean removeAll(long userId) {
		boolean had = false;
		for (SecondFactor factor : all) {
			had |= factor.removeAll(userId);
		}
		return had;
	}

	public Optional<SecondFactor> byId(String id) {
		return all.stream().filter(factor -> factor.id().equals(id)).findFirst();
	}

	/** Whether one of these roles requires a second factor. */
	public boolean requiredFor(Collection<String> roles) {
		return roles.stream().anyMatch(properties.getRequiredRoles()::contains);
	}

	/** The authorities that show a login had a second factor. */
	public Set<String> secondFactorAuthorities() {
		return secondFactorAuthorities;
	}
}
