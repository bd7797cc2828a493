package org.gatehouse.database;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionDataSourceScriptDatabaseInitializer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a whole application: Gatehouse's migration is the only thing that creates its tables, the session tables
 * included (Spring Boot's JDBC session auto-configuration, and with it its schema script, backs off).
 */
@GatehouseIntegrationTest
class SchemaInTheApplicationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Test
	void springBootsSessionSchemaScriptDoesNotRunBesideGatehousesMigration() {
		assertThat(context.getBeansOfType(JdbcSessionDataSourceScriptDatabaseInitializer.class)).isEmpty();
		assertThat(new JdbcTemplate(dataSource).queryForList(
				"select script from gatehouse_schema_history where type = 'SQL'", String.class))
			.contains("V2__spring_session.sql");
	}

	@Test
	void theApplicationsOwnFlywayKeepsItsHistoryTableFreeOfGatehousesMigrations() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		boolean applicationHistory = jdbc.queryForObject(
				"select count(*) from information_schema.tables where lower(table_name) = 'flyway_schema_history'",
				Integer.class) > 0;
		if (applicationHistory) {
			assertThat(jdbc.queryForList("select script from flyway_schema_history where type = 'SQL'", String.class))
				.isEmpty();
		}
	}
}
