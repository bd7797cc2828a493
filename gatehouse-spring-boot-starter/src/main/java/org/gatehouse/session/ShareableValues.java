package org.gatehouse.session;

import java.time.Instant;
import java.util.Set;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Session attribute values that several requests may be handed at once, because nobody can change them through the
 * copy they were given: immutable values (strings, boxed numbers, booleans, instants, CSRF tokens) as they are, and a
 * {@link SecurityContextImpl} as a new context around the shared authentication (logout clears the context it was
 * given; authentications are not changed after login).
 */
final class ShareableValues {

	private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Long.class, Integer.class, Short.class,
			Byte.class, Boolean.class, Double.class, Float.class, Character.class, Instant.class, DefaultCsrfToken.class);

	private ShareableValues() {
	}

	static boolean isShareable(Object value) {
		return value != null && (IMMUTABLE.contains(value.getClass()) || value.getClass() == SecurityContextImpl.class);
	}

	/** The value for one reader: a shareable value itself, or a new context around a shared authentication. */
	static Object handOut(Object shared) {
		if (shared instanceof SecurityContext context) {
			return new SecurityContextImpl(context.getAuthentication());
		}
		return shared;
	}
}
