package org.gatehouse.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gatehouse.account.AccountPrincipal;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The classes a session value is made of, when they alone decide whether its JSON reads back: the value and everything
 * it holds are of these exact classes (no subclass), each with fields of fixed types. Two values of the same shape
 * read back alike, so {@link SessionAttributeCodec} reads back one of each shape instead of every value it writes.
 * Anything else (an application's type, a principal from another sign-in, a map) has no shape and is read back every
 * time.
 */
final class ValueShape {

	private static final Set<Class<?>> LEAVES = Set.of(String.class, Boolean.class, Long.class, Integer.class,
			Short.class, Byte.class, Float.class, Double.class, Character.class, Instant.class, DefaultCsrfToken.class);

	private static final Set<Class<?>> AUTHENTICATIONS = Set.of(UsernamePasswordAuthenticationToken.class,
			RememberMeAuthenticationToken.class);

	private static final Set<Class<?>> AUTHORITIES = Set.of(SimpleGrantedAuthority.class,
			FactorGrantedAuthority.class);

	private ValueShape() {
	}

	/** The value's shape, or null when its classes alone do not decide how it reads back. */
	static List<Class<?>> of(Object value) {
		if (value == null || LEAVES.contains(value.getClass())) {
			return value == null ? null : List.of(value.getClass());
		}
		if (value.getClass() != SecurityContextImpl.class) {
			return null;
		}
		List<Class<?>> shape = new ArrayList<>();
		shape.add(SecurityContextImpl.class);
		Authentication authentication = ((SecurityContextImpl) value).getAuthentication();
		return authentication == null || authenticationShape(authentication, shape) ? List.copyOf(shape) : null;
	}

	private static boolean authenticationShape(Authentication authentication, List<Class<?>> shape) {
		if (!AUTHENTICATIONS.contains(authentication.getClass())
				|| !(authentication.getPrincipal() instanceof AccountPrincipal principal)
				|| !(authentication.getCredentials() == null || authentication.getCredentials() instanceof String)
				|| !(authentication.getDetails() == null
						|| authentication.getDetails().getClass() == WebAuthenticationDetails.class)) {
			return false;
		}
		shape.add(authentication.getClass());
		shape.add(classOf(authentication.getCredentials()));
		shape.add(classOf(authentication.getDetails()));
		shape.add(principal.roles() == null ? Void.class : principal.roles().getClass());
		shape.add(authentication.getAuthorities().getClass());
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (!AUTHORITIES.contains(authority.getClass())) {
				return false;
			}
			if (!shape.contains(authority.getClass())) {
				shape.add(authority.getClass());
			}
		}
		return true;
	}

	private static Class<?> classOf(Object value) {
		return value == null ? Void.class : value.getClass();
	}
}
