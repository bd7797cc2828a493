package org.gatehouse.session;

import org.gatehouse.config.GatehouseProperties.Session.Store;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when gatehouse.session.store (or its default) names the given store. */
abstract class StoreCondition implements Condition {

	private final Store store;

	StoreCondition(Store store) {
		this.store = store;
	}

	static Store effectiveStore(Binder binder) {
		Store configured = binder.bind("gatehouse.session.store", Store.class).orElse(null);
		if (configured != null) {
			return configured;
		}
		String redisUrl = binder.bind("gatehouse.session.redis-url", String.class).orElse("");
		return redisUrl.isBlank() ? Store.JDBC : Store.REDIS;
	}

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return effectiveStore(Binder.get(context.getEnvironment())) == store;
	}

	static final class Memory extends StoreCondition {
		Memory() { super(Store.MEMORY); }
	}

	static final class Jdbc extends StoreCondition {
		Jdbc() { super(Store.JDBC); }
	}

	static final class Redis extends StoreCondition {
		Redis() { super(Store.REDIS); }
	}
}
