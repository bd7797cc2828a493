package org.gatehouse.oidc;

import java.util.Map;

import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestPostgres;
import org.junit.jupiter.api.AfterAll;

/**
 * The provider's flows on PostgreSQL: Spring Authorization Server's JDBC services read and write token values,
 * attributes and timestamps through column types that differ from H2's.
 */
class OidcProviderFlowPostgresTest extends OidcProviderFlowTest {

	@Override
	GatehouseInstance provider() {
		return OidcProviderServer.start(Map.of("spring.datasource.url", TestPostgres.get().newDatabase("oidc_"),
				"spring.datasource.username", TestPostgres.get().username()));
	}

	@AfterAll
	void closeProvider() {
		server.close();
	}
}
