package org.gatehouse.session;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.session.MapSession;
import org.springframework.session.data.redis.RedisSessionMapper;

/**
 * Spring Session's Redis mapper, for hashes that hold unreadable values. An unreadable attribute is replaced by one
 * marker attribute, which {@link ReadableSessionRepository} recognises (and deletes the session): left in place, the
 * store's own code (its principal index) would trip over it first. A hash whose times cannot be read, or that lacks
 * them (not written by Spring Session), is no session at all.
 */
class ReadableRedisSessionMapper implements BiFunction<String, Map<String, Object>, MapSession> {

	static final String UNREADABLE_ATTRIBUTE = "gatehouse.unreadable";

	private final RedisSessionMapper mapper = new RedisSessionMapper();

	@Override
	public MapSession apply(String id, Map<String, Object> values) {
		Map<String, Object> readable = new HashMap<>(values);
		if (readable.values().removeIf(value -> value == SessionAttributeCodec.UNREADABLE)) {
			readable.put("sessionAttr:" + UNREADABLE_ATTRIBUTE, SessionAttributeCodec.UNREADABLE);
		}
		try {
			return this.mapper.apply(id, readable);
		}
		catch (IllegalStateException | ClassCastException unreadableTimes) {
			return null;
		}
	}
}
