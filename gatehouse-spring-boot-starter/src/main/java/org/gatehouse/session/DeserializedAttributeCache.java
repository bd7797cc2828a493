package org.gatehouse.session;

import java.nio.ByteBuffer;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Deserialised session attribute values, keyed by their stored bytes. The JDBC and Redis stores keep attributes as
 * bytes (JSON, see {@link SessionAttributeCodec}) and deserialise them on every request that reads them; for the
 * security context that was the largest single cost of an authenticated request. Equal bytes
 * give an equal value, so a value read once can be handed out again as long as nobody can change it through the
 * copy they were given ({@link ShareableValues}); anything else is deserialised every time.
 * A revoked session never gets here: the store no longer returns its bytes.
 */
final class DeserializedAttributeCache {

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
			return ShareableValues.handOut(cached);
		}
		Object value = deserializer.apply(bytes);
		if (ShareableValues.isShareable(value)) {
			// a copy of the bytes: the store's buffer is not ours to keep
			this.values.put(ByteBuffer.wrap(bytes.clone()), value);
			return ShareableValues.handOut(value);
		}
		return value;
	}
}
