package org.gatehouse.session;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.config.GatehouseProperties.Session.Store;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when gatehouse.session.store (or its default) names the given store; Redis: see RedisUse. */
abstract class StoreCondition implements Condition {

	private final Store store;

	StoreCondition(Store store) {
		this.store = store;
	}

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Binder.get(context.getEnvironment()).bind("gatehouse.session", GatehouseProperties.Session.class)
			.orElseGet(GatehouseProperties.Session::new).effectiveStore() == store;
	}

	static final class Memory extends StoreCondition {
		Memory() { super(Store.MEMORY); }
	}

	static final class Jdbc extends StoreCondition {
		Jdbc() { super(Store.JDBC); }
	}
}
