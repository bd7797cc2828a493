package org.gatehouse.session;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.gatehouse.cache.NearCaches;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a session store holds for one session, read and written as someone with access to the store can. */
interface StoredSessions {

	/** Attribute name to stored bytes; empty when the session is not in the store. */
	Map<String, byte[]> attributes(String sessionId);

	void put(String sessionId, String attribute, byte[] value);

	/**
	 * The same store, whose writes the instance then stops serving from its near cache: a write behind Gatehouse's
	 * back sends no invalidation, so the instance would answer from its copy until the entry expires.
	 */
	default StoredSessions readBy(NearCaches caches) {
		StoredSessions store = this;
		return new StoredSessions() {
			@Override
			public Map<String, byte[]> attributes(String sessionId) {
				return store.attributes(sessionId);
			}

			@Override
			public void put(String sessionId, String attribute, byte[] value) {
				store.put(sessionId, attribute, value);
				caches.cache(NearCaches.SESSIONS).invalidate(SessionIdHash.of(sessionId));
			}
		};
	}

	static StoredSessions jdbc(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return new StoredSessions() {
			@Override
			public Map<String, byte[]> attributes(String sessionId) {
				Map<String, byte[]> values = new LinkedHashMap<>();
				jdbc.query("select a.attribute_name, a.attribute_bytes from spring_session s join "
						+ "spring_session_attributes a on a.session_primary_id = s.primary_id where s.session_id = ?",
						rs -> {
							values.put(rs.getString(1), rs.getBytes(2));
						}, sessionId);
				return values;
			}

			@Override
			public void put(String sessionId, String attribute, byte[] value) {
				String primaryId = jdbc.queryForObject("select primary_id from spring_session where session_id = ?",
						String.class, sessionId);
				jdbc.update("delete from spring_session_attributes where session_primary_id = ? and attribute_name = ?",
						primaryId, attribute);
				jdbc.update("insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes) "
						+ "values (?, ?, ?)", primaryId, attribute, value);
			}
		};
	}

	static StoredSessions redis(RedisConnectionFactory connections) {
		String prefix = "sessionAttr:";
		return new StoredSessions() {
			@Override
			public Map<String, byte[]> attributes(String sessionId) {
				Map<String, byte[]> values = new LinkedHashMap<>();
				try (RedisConnection redis = connections.getConnection()) {
					Map<byte[], byte[]> hash = redis.hashCommands().hGetAll(key(sessionId));
					if (hash != null) {
						hash.forEach((field, value) -> {
							String name = new String(field, StandardCharsets.UTF_8);
							if (name.startsWith(prefix)) {
								values.put(name.substring(prefix.length()), value);
							}
						});
					}
				}
				return values;
			}

			@Override
			public void put(String sessionId, String attribute, byte[] value) {
				try (RedisConnection redis = connections.getConnection()) {
					redis.hashCommands().hSet(key(sessionId), (prefix + attribute).getBytes(StandardCharsets.UTF_8),
							value);
				}
			}

			private static byte[] key(String sessionId) {
				return ("gatehouse:session:sessions:" + sessionId).getBytes(StandardCharsets.UTF_8);
			}
		};
	}
}
