package org.gatehouse.session;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Deserialised session attribute values, keyed by their stored bytes. The JDBC and Redis stores keep attributes as
 * bytes (JSON, see {@link SessionAttributeCodec}) and deserialise them on every request that reads them; for the
 * security context that was the largest single cost of an authenticated request. Equal bytes
 * give an equal value, so a value read once can be handed out again as long as nobody can change it through the
 * copy they were given:
 * <ul>
 * <li>immutable values (strings, boxed numbers, booleans, instants, CSRF tokens) are shared as they are;</li>
 * <li>a {@link SecurityContextImpl} is handed out as a new context around the shared authentication (logout
 * clears the context it was given; authentications are not changed after login);</li>
 * <li>anything else is deserialised every time.</li>
 * </ul>
 * A revoked session never gets here: the store no longer returns its bytes.
 */
final class DeserializedAttributeCache {

	private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Long.class, Integer.class, Short.class,
			Byte.class, Boolean.class, Double.class, Float.class, Character.class, Instant.class, DefaultCsrfToken.class);

	private final Cache<ByteBuffer, Object> values;

	/** @param maximumSize values kept; 0 turns the cache off */
	public DeserializedAttributeCache(long maximumSize) {
		this.values = (maximumSize > 0) ? Caffeine.newBuilder().maximumSize(maximumSize).build() : null;
	}

	/** The value these bytes hold: from the cache when it is shareable, else from {@code deserializer}. */
	public Object deserialize(byte[] bytes, Function<byte[], Object> deserializer) {
		if (this.values == null || bytes == null) {
			return deserializer.apply(bytes);
		}
		ByteBuffer key = ByteBuffer.wrap(bytes);
		Object cached = this.values.getIfPresent(key);
		if (cached != null) {
			return handOut(cached);
		}
		Object value = deserializer.apply(bytes);
		if (isShareable(value)) {
			// a copy of the bytes: the store's buffer is not ours to keep
			this.values.put(ByteBuffer.wrap(bytes.clone()), value);
			return handOut(value);
		}
		return value;
	}

	private static boolean isShareable(Object value) {
		return value != null && (IMMUTABLE.contains(value.getClass()) || value.getClass() == SecurityContextImpl.class);
	}

	private static Object handOut(Object shared) {
		if (shared instanceof SecurityContext context) {
			return new SecurityContextImpl(context.getAuthentication());
		}
		return shared;
	}
}
