package org.gatehouse.redis;

import java.util.function.Supplier;

import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The Redis connection Gatehouse's sessions and counters use: its own (gatehouse.session.redis-url) or else the
 * application's. Not itself a connection factory, so an application's "is there a Redis connection" conditions and
 * injections never see Gatehouse's.
 */
public final class GatehouseRedisConnection {

	private final Supplier<RedisConnectionFactory> factory;

	GatehouseRedisConnection(Supplier<RedisConnectionFactory> factory) {
		this.factory = factory;
	}

	public RedisConnectionFactory factory() {
		return factory.get();
	}
}
