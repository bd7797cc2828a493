package org.gatehouse.session;

import java.sql.DatabaseMetaData;
import java.time.Clock;

import javax.sql.DataSource;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.redis.GatehouseRedisAutoConfiguration;
import org.gatehouse.redis.GatehouseRedisConnection;
import org.gatehouse.redis.RedisUse;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.config.annotation.SpringSessionRedisConnectionFactory;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Chooses the session store from gatehouse.session.store: the embedded database (default,
 * survives restarts), memory, or Redis. Every choice can find and revoke a user's sessions.
 * Runs before Spring Boot's own session auto-configurations, which then back off.
 */
@AutoConfiguration(after = GatehouseRedisAutoConfiguration.class, before = { SessionAutoConfiguration.class,
		JdbcSessionAutoConfiguration.class }, beforeName = SessionStoreAutoConfiguration.SPRING_SESSION_REDIS)
public class SessionStoreAutoConfiguration {

	static final String SPRING_SESSION_REDIS = "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration";
	private static final String REDIS_SESSIONS = "org.springframework.session.data.redis.RedisIndexedSessionRepository";

	@Bean
	public SessionIdGenerator gatehouseSessionIdGenerator() {
		return new RandomSessionIdGenerator();
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(StoreCondition.Jdbc.class)
	@EnableJdbcHttpSession(cleanupCron = Scheduled.CRON_DISABLED)
	static class JdbcStore {

		/** Expired rows go by Gatehouse's clean-up schedule, once per cluster (gatehouse.tasks.expired-sessions). */
		@Bean
		ExpiredJdbcSessionsTask gatehouseExpiredJdbcSessionsTask(DataSource dataSource, Clock clock) {
			return new ExpiredJdbcSessionsTask(dataSource, clock);
		}

		/**
		 * Parallel requests of one session that each add the same attribute (the activity marks after login)
		 * would all INSERT it, and all but one fail on the primary key: Spring Session's documented remedy is
		 * an upsert, which it ships for PostgreSQL; H2 gets its MERGE.
		 */
		@Bean
		SessionRepositoryCustomizer<JdbcIndexedSessionRepository> gatehouseJdbcSessionAttributeUpsert(
				DataSource dataSource) {
			return repository -> {
				String database = databaseProductName(dataSource);
				if ("PostgreSQL".equals(database)) {
					new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
				}
				else if ("H2".equals(database)) {
					repository.setCreateSessionAttributeQuery("MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, "
							+ "ATTRIBUTE_NAME, ATTRIBUTE_BYTES) KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)");
				}
			};
		}

		private static String databaseProductName(DataSource dataSource) {
			try {
				return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			}
			catch (MetaDataAccessException ex) {
				throw new IllegalStateException("Cannot tell which database holds the sessions", ex);
			}
		}

		/**
		 * A save writes the session's times and attributes, never its id. Spring Session's own query writes back the
		 * id the request loaded: a request still in flight when another one rotated the id (login, privilege change)
		 * put the old id back, the browser's new cookie then named no session, and the user was logged out. The id
		 * is moved only by the request that changed it ({@link #gatehouseJdbcSessionIdRotation}); the parameter is
		 * still bound, so the query keeps Spring Session's parameter order.
		 */
		@Bean
		SessionRepositoryCustomizer<JdbcIndexedSessionRepository> gatehouseJdbcSessionKeepsItsId() {
			return repository -> repository.setUpdateSessionQuery("UPDATE %TABLE_NAME% SET SESSION_ID = "
					+ "COALESCE(SESSION_ID, ?), LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, "
					+ "PRINCIPAL_NAME = ? WHERE PRIMARY_ID = ?");
		}

		/** Moves a session to its new id in one statement; a session deleted meanwhile stays deleted. */
		@Bean
		SessionIdRotation gatehouseJdbcSessionIdRotation(DataSource dataSource) {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			return (from, to) -> jdbc.update("update spring_session set session_id = ? where session_id = ?", to, from);
		}

		/** Attributes as allow-listed JSON (see SessionAttributeCodec), read through the cache of deserialised values. */
		@Bean
		SessionRepositoryCustomizer<JdbcIndexedSessionRepository> gatehouseJdbcSessionAttributeJson(
				SessionAttributeCodec codec, GatehouseProperties properties) {
			DeserializedAttributeCache cache = attributeCache(properties);
			GenericConversionService conversions = new GenericConversionService();
			conversions.addConverter(Object.class, byte[].class, codec::write);
			conversions.addConverter(byte[].class, Object.class, (byte[] bytes) -> cache.deserialize(bytes, codec::read));
			return repository -> repository.setConversionService(conversions);
		}

		@Bean
		SessionRepositoryCustomizer<JdbcIndexedSessionRepository> gatehouseJdbcSessionTimeout(
				GatehouseProperties properties) {
			return repository -> repository.setDefaultMaxInactiveInterval(properties.getSession().getIdleTimeout());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(RedisUse.Sessions.class)
	@ConditionalOnClass(name = REDIS_SESSIONS)
	@EnableRedisIndexedHttpSession(redisNamespace = "gatehouse:session")
	static class RedisStore {

		/** Spring Session's connection: Gatehouse's, never taken from the application by type. */
		@Bean(defaultCandidate = false, destroyMethod = "")
		@SpringSessionRedisConnectionFactory
		RedisConnectionFactory gatehouseSessionRedisConnectionFactory(GatehouseRedisConnection connection) {
			return connection.factory();
		}

		@Bean
		SessionRepositoryCustomizer<RedisIndexedSessionRepository> gatehouseRedisSessionTimeout(
				GatehouseProperties properties) {
			return repository -> repository.setDefaultMaxInactiveInterval(properties.getSession().getIdleTimeout());
		}

		/**
		 * Every value of a session's hash (attributes and times) and the session-created messages as allow-listed
		 * JSON; by this name Spring Session uses it for both.
		 */
		@Bean
		RedisSerializer<Object> springSessionDefaultRedisSerializer(SessionAttributeCodec codec,
				GatehouseProperties properties) {
			DeserializedAttributeCache cache = attributeCache(properties);
			return new RedisSerializer<>() {
				@Override
				public byte[] serialize(Object value) {
					return (value == null) ? new byte[0] : codec.write(value);
				}

				@Override
				public Object deserialize(byte[] bytes) {
					return (bytes == null || bytes.length == 0) ? null : cache.deserialize(bytes, codec::read);
				}
			};
		}

		@Bean
		SessionRepositoryCustomizer<RedisIndexedSessionRepository> gatehouseRedisReadableSessionMapper() {
			return repository -> repository.setRedisSessionMapper(new ReadableRedisSessionMapper());
		}
	}

	/**
	 * Sessions in Redis without Spring Session's Redis store: say so at start, before anything touches the
	 * database (a bean factory post-processor runs ahead of every bean, the schema migration included).
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(RedisUse.Sessions.class)
	@ConditionalOnMissingClass(REDIS_SESSIONS)
	static class RedisStoreMissing {

		@Bean
		static BeanFactoryPostProcessor gatehouseRedisStoreMissing() {
			return beanFactory -> {
				throw new IllegalStateException("gatehouse.session.store is redis (or gatehouse.session.redis-url is set) "
						+ "but Spring Session Data Redis is not on the class path: add "
						+ "org.springframework.boot:spring-boot-starter-session-data-redis");
			};
		}
	}

	/** Flash attributes as plain maps, which the stores' JSON reads back (see PlainSessionFlashMapManager). */
	@Bean
	static BeanPostProcessor gatehousePlainSessionFlashMapManager() {
		return PlainSessionFlashMapManager.replacingSpringsManager();
	}

	@Bean
	SessionAttributeCodec gatehouseSessionAttributeCodec(GatehouseProperties properties) {
		return new SessionAttributeCodec(SessionAttributeCodec.class.getClassLoader(),
				properties.getSession().getAttributeTypes());
	}

	private static DeserializedAttributeCache attributeCache(GatehouseProperties properties) {
		return new DeserializedAttributeCache(properties.getSession().getAttributeCacheSize());
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(StoreCondition.Memory.class)
	@EnableSpringHttpSession
	static class MemoryStore {

		@Bean
		InMemoryIndexedSessionRepository sessionRepository(GatehouseProperties properties,
				SessionIdGenerator idGenerator) {
			return new InMemoryIndexedSessionRepository(properties.getSession().getIdleTimeout(), idGenerator);
		}
	}
}
