package org.gatehouse.oidc;

import java.util.HashMap;
import java.util.Map;

import org.gatehouse.testapp.GatehouseInstance;

/**
 * The one running Gatehouse with the OpenID Connect provider on that the provider's HTTP tests share (started on
 * first use, closed with the JVM): a context per test class would cost seconds each.
 */
final class OidcProviderServer {

	private static GatehouseInstance instance;

	private OidcProviderServer() {
	}

	static synchronized GatehouseInstance shared() {
		if (instance == null) {
			instance = start(Map.of("spring.datasource.url",
					"jdbc:h2:mem:oidc-flow;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
		}
		return instance;
	}

	/** A provider of its own on the given database (the caller closes it). */
	static GatehouseInstance start(Map<String, String> database) {
		Map<String, String> properties = new HashMap<>(database);
		properties.putAll(Map.of("gatehouse.features.oidc-provider", "true", "spring.mail.host", "127.0.0.1",
				// RS256 is the default (the browser test in gatehouse-server uses it); ES256 here
				"gatehouse.oidc.signing-algorithm", "ES256"));
		return GatehouseInstance.start(properties);
	}
}
