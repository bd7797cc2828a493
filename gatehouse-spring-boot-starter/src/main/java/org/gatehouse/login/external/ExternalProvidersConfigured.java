package org.gatehouse.login.external;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** External sign-in is on when at least one provider is configured under gatehouse.login.providers. */
class ExternalProvidersConfigured extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> providers = Binder.get(context.getEnvironment())
			.bind("gatehouse.login.providers", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		return providers.isEmpty() ? ConditionOutcome.noMatch("no gatehouse.login.providers configured")
				: ConditionOutcome.match("gatehouse.login.providers: " + providers.keySet());
	}
}
