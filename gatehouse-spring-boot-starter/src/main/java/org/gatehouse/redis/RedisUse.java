package org.gatehouse.redis;

import java.util.function.Predicate;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.config.GatehouseProperties.Session.Store;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The one answer to "does Gatehouse use Redis, for what, and over which connection", read by the session store, the
 * throttle counters, the production checks and the server alike.
 * <ul>
 * <li>Sessions live in Redis when gatehouse.session.store is redis, or unset while gatehouse.session.redis-url is
 * set.</li>
 * <li>Attempt counters live in Redis when gatehouse.session.redis-url is set (whichever store holds the sessions),
 * whenever the sessions do (instances sharing sessions must share counters), or with gatehouse.throttle.redis.</li>
 * <li>With gatehouse.session.redis-url Gatehouse opens its own connection; without it, Redis use goes over the
 * application's own connection (spring.data.redis.*).</li>
 * </ul>
 */
public final class RedisUse {

	private final Store store;
	private final boolean countersAsked;
	private final String url;

	private RedisUse(GatehouseProperties properties) {
		this.store = properties.getSession().effectiveStore();
		this.countersAsked = properties.getThrottle().isRedis();
		String configured = properties.getSession().getRedisUrl();
		this.url = (configured == null || configured.isBlank()) ? null : configured.strip();
	}

	public static RedisUse of(GatehouseProperties properties) {
		return new RedisUse(properties);
	}

	public static RedisUse of(Environment environment) {
		return new RedisUse(Binder.get(environment).bind("gatehouse", GatehouseProperties.class)
			.orElseGet(GatehouseProperties::new));
	}

	public boolean sessions() {
		return store == Store.REDIS;
	}

	public boolean counters() {
		return sessions() || countersAsked || url != null;
	}

	/** Sessions or counters, or both. */
	public boolean inUse() {
		return counters();
	}

	/** Gatehouse opens its own connection from gatehouse.session.redis-url. */
	public boolean ownConnection() {
		return inUse() && url != null;
	}

	/** gatehouse.session.redis-url, or null when unset. */
	public String url() {
		return url;
	}

	private abstract static class UseCondition implements Condition {

		private final Predicate<RedisUse> use;

		UseCondition(Predicate<RedisUse> use) {
			this.use = use;
		}

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return use.test(of(context.getEnvironment()));
		}
	}

	/** Matches when Gatehouse keeps anything in Redis. */
	public static final class InUse extends UseCondition {
		InUse() { super(RedisUse::inUse); }
	}

	/** Matches when the sessions live in Redis. */
	public static final class Sessions extends UseCondition {
		Sessions() { super(RedisUse::sessions); }
	}

	/** Matches when the attempt counters live in Redis. */
	public static final class Counters extends UseCondition {
		Counters() { super(RedisUse::counters); }
	}

	/** Matches when Gatehouse opens its own Redis connection. */
	public static final class OwnConnection extends UseCondition {
		OwnConnection() { super(RedisUse::ownConnection); }
	}
}
