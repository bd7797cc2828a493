package org.gatehouse.cache;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.redis.GatehouseRedisAutoConfiguration;
import org.gatehouse.redis.GatehouseRedisConnection;
import org.gatehouse.redis.RedisUse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The near cache of sessions and users (gatehouse.session.near-cache.*) and its invalidation channel, chosen so that
 * every writer of the stores reaches it: Redis pub/sub when sessions live in Redis, LISTEN/NOTIFY on PostgreSQL, the
 * process itself for an embedded H2 database while no other process is connected to it (AUTO_SERVER). Anything else
 * (a remote H2 server, another database) gets no near cache.
 */
@AutoConfiguration(after = { GatehouseAutoConfiguration.class, GatehouseRedisAutoConfiguration.class })
public class NearCacheAutoConfiguration {

	@Bean
	NearCaches gatehouseNearCaches(GatehouseProperties properties) {
		GatehouseProperties.NearCache settings = properties.getSession().getNearCache();
		return settings.isEnabled() ? new NearCaches(settings.getMaxEntries(), settings.getTtl()) : NearCaches.off();
	}

	/** Started once the application is up: until then the caches are bypassed. */
	@Bean
	SmartLifecycle gatehouseNearCacheChannel(NearCaches caches, GatehouseProperties properties,
			ObjectProvider<GatehouseRedisConnection> redis, ObjectProvider<DataSource> dataSource) {
		if (!properties.getSession().getNearCache().isEnabled()) {
			return new ClosedChannel("gatehouse.session.near-cache.enabled is false");
		}
		if (RedisUse.of(properties).sessions()) {
			return RedisInvalidationChannel.over(caches, redis.getObject());
		}
		DataSource database = dataSource.getIfUnique();
		if (database == null) {
			return new ClosedChannel("no single DataSource");
		}
		String[] productAndUrl = productAndUrl(database);
		if ("PostgreSQL".equals(productAndUrl[0])) {
			return new PostgresInvalidationChannel(caches, database);
		}
		if (isEmbeddedH2(productAndUrl[0], productAndUrl[1])) {
			return new LocalInvalidationChannel(caches, productAndUrl[1], database);
		}
		return new ClosedChannel("no invalidation channel reaches every writer of " + productAndUrl[0] + " at "
				+ productAndUrl[1] + " (use PostgreSQL, Redis sessions, or an embedded H2 database)");
	}

	/** H2 in this process (in memory or a file, with or without AUTO_SERVER), not a connection to an H2 server. */
	static boolean isEmbeddedH2(String product, String url) {
		if (!"H2".equals(product) || url == null) {
			return false;
		}
		String u = url.toUpperCase(Locale.ROOT);
		return !u.startsWith("JDBC:H2:TCP:") && !u.startsWith("JDBC:H2:SSL:");
	}

	private static String[] productAndUrl(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource,
					(DatabaseMetaData meta) -> new String[] { meta.getDatabaseProductName(), meta.getURL() });
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database Gatehouse uses", ex);
		}
	}
}
