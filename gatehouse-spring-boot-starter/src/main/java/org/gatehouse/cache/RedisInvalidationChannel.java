package org.gatehouse.cache;

import java.net.SocketAddress;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import org.gatehouse.redis.GatehouseRedisConnection;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Invalidations over a Redis pub/sub channel, on the connection that holds the sessions. The subscription is a
 * connection of its own; while it is down (killed, Redis restarting) the caches are bypassed, and Lettuce's
 * reconnection subscribes again, which opens them.
 */
final class RedisInvalidationChannel extends RedisPubSubAdapter<String, String>
		implements InvalidationChannel, RedisConnectionStateListener, SmartLifecycle {

	static final String CHANNEL = "gatehouse:near-cache";

	private final NearCaches caches;
	private final RedisConnectionFactory factory;
	private final StringRedisTemplate redis;
	private volatile StatefulRedisPubSubConnection<String, String> subscription;

	RedisInvalidationChannel(NearCaches caches, RedisConnectionFactory factory) {
		this.caches = caches;
		this.factory = factory;
		this.redis = new StringRedisTemplate(factory);
		caches.use(this);
	}

	/** A channel on Gatehouse's Redis connection when it is a single Lettuce client (not a cluster), else none. */
	static SmartLifecycle over(NearCaches caches, GatehouseRedisConnection connection) {
		RedisConnectionFactory factory = connection.factory();
		if (factory instanceof LettuceConnectionFactory lettuce && lettuce.getRequiredNativeClient() instanceof RedisClient) {
			return new RedisInvalidationChannel(caches, factory);
		}
		return new ClosedChannel("the Redis connection is not a single Lettuce client");
	}

	@Override
	public void publish(String message) {
		this.redis.convertAndSend(CHANNEL, message);
	}

	@Override
	public void message(String channel, String message) {
		this.caches.received(message);
	}

	@Override
	public void subscribed(String channel, long count) {
		this.caches.opened();
	}

	@Override
	public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
		// opened by the subscription's confirmation, not by the connection
	}

	@Override
	public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
		if (connection == this.subscription) {
			this.caches.closed();
		}
	}

	@Override
	public void start() {
		RedisClient client = (RedisClient) ((LettuceConnectionFactory) this.factory).getRequiredNativeClient();
		StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
		connection.addListener((RedisPubSubListener<String, String>) this);
		connection.addListener((RedisConnectionStateListener) this);
		this.subscription = connection;
		connection.async().subscribe(CHANNEL);
	}

	@Override
	public void stop() {
		StatefulRedisPubSubConnection<String, String> connection = this.subscription;
		this.subscription = null;
		this.caches.closed();
		if (connection != null) {
			connection.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.subscription != null;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	@Override
	public String toString() {
		return "Redis pub/sub channel " + CHANNEL;
	}
}
