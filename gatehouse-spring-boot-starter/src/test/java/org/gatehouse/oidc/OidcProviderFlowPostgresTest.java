package org.gatehouse.oidc;

import java.util.Map;

import org.gatehouse.testapp.TestPostgres;

/**
 * The provider's flows on PostgreSQL: Spring Authorization Server's JDBC services read and write token values,
 * attributes and timestamps through column types that differ from H2's.
 */
class OidcProviderFlowPostgresTest extends OidcProviderFlowTest {

	@Override
	Map<String, String> database() {
		return Map.of("spring.datasource.url", TestPostgres.get().newDatabase("oidc_"),
				"spring.datasource.username", TestPostgres.get().username());
	}
}
