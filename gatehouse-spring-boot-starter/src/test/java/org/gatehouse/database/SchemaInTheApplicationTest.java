package org.gatehouse.database;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import org.gatehouse.account.RememberMeTokenStore;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.session.SessionActivityStore;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.token.ApiTokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionDataSourceScriptDatabaseInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * In a whole application: Gatehouse's migration is the only thing that creates its tables, the session tables
 * included (Spring Boot's JDBC session auto-configuration, and with it its schema script, backs off).
 */
@GatehouseIntegrationTest
class SchemaInTheApplicationTest {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	DataSource dataSource;

	@ParameterizedTest
	@ValueSource(classes = { JdbcIndexedSessionRepository.class, UserStore.class, RememberMeTokenStore.class,
			SessionActivityStore.class, ApiTokenStore.class, AuditLog.class, LockProvider.class })
	void beansThatReadGatehousesTablesAreCreatedAfterItsMigration(Class<?> type) {
		String[] names = context.getBeanNamesForType(type);
		assertThat(names).hasSize(1);
		assertThat(context.getBeanFactory().getBeanDefinition(names[0]).getDependsOn())
			.contains("gatehouseSchemaMigration");
	}

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
