package org.gatehouse.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Gatehouse migrates its own tables into its own history table, beside the application's migrations. */
class DatabaseMigrationAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DatabaseMigrationAutoConfiguration.class));

	private static ApplicationContextRunner on(ApplicationContextRunner runner, TestDatabases database) {
		return runner.withPropertyValues("spring.datasource.url=" + database.newDatabase(),
				"spring.datasource.username=" + database.username(), "spring.datasource.password=");
	}

	private static JdbcTemplate jdbc(AssertableApplicationContext context) {
		return new JdbcTemplate(context.getBean(DataSource.class));
	}

	/** What each migration recorded (H2 also records the creation of the history table itself). */
	private static List<String> migrations(JdbcTemplate jdbc, String historyTable, String column) {
		return jdbc.queryForList("select " + column + " from " + historyTable + " where type = 'SQL' order by installed_rank",
				String.class);
	}

	private static boolean tableExists(JdbcTemplate jdbc, String table) {
		return jdbc.queryForObject("select count(*) from information_schema.tables where lower(table_name) = ?",
				Integer.class, table) > 0;
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void gatehousesTablesAreMigratedIntoItsOwnHistoryTable(TestDatabases database) {
		on(runner, database).run(context -> {
			assertThat(context).hasNotFailed().hasSingleBean(GatehouseSchemaMigration.class);
			JdbcTemplate jdbc = jdbc(context);
			assertThat(migrations(jdbc, "gatehouse_schema_history", "version")).containsExactlyElementsOf(
					database == TestDatabases.POSTGRESQL ? List.of("1", "2", "3", "4", "5", "6", "7", "8", "10", "11", "12", "13", "15", "16", "17", "18", "19")
							: List.of("1", "2", "3", "4", "5", "7", "8", "10", "11", "12", "13", "15", "16", "17", "18", "19"));
			assertThat(jdbc.queryForObject("select name from gh_role", String.class)).isEqualTo("admin");
			assertThat(tableExists(jdbc, "flyway_schema_history")).isFalse();
		});
	}

	/** The report of issue 16: an application with its own V1 in db/migration could not start with Gatehouse. */
	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void anApplicationsOwnV1MigratesBesideGatehousesEachIntoItsOwnHistoryTable(TestDatabases database) {
		on(runner, database).withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
			.withPropertyValues("spring.flyway.locations=classpath:db/host-migration")
			.run(context -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = jdbc(context);
				assertThat(migrations(jdbc, "flyway_schema_history", "script")).containsExactly("V1__host.sql");
				assertThat(migrations(jdbc, "gatehouse_schema_history", "script")).startsWith("V1__accounts.sql",
						"V2__spring_session.sql")
					.doesNotContain("V1__host.sql");
				assertThat(jdbc.queryForObject("select count(*) from host_note", Integer.class)).isZero();
				assertThat(jdbc.queryForObject("select count(*) from gh_user", Integer.class)).isZero();
			});
	}

	@Test
	void migrateFalseLeavesTheSchemaToTheOperator() {
		on(runner, TestDatabases.H2).withPropertyValues("gatehouse.database.migrate=false").run(context -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(GatehouseSchemaMigration.class);
			JdbcTemplate jdbc = jdbc(context);
			assertThat(tableExists(jdbc, "gatehouse_schema_history")).isFalse();
			assertThat(tableExists(jdbc, "gh_user")).isFalse();
		});
	}

	@Test
	void withoutFlywayNothingIsMigrated() {
		on(runner, TestDatabases.H2).withClassLoader(new FilteredClassLoader(Flyway.class)).run(context -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(GatehouseSchemaMigration.class);
			assertThat(tableExists(jdbc(context), "gh_user")).isFalse();
		});
	}

	@Test
	void beansThatDependOnDatabaseInitializationAreCreatedAfterGatehousesMigration() {
		on(runner, TestDatabases.H2).withUserConfiguration(ReadsTheTablesAtStart.class).run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanFactory().getBeanDefinition("roleCount").getDependsOn())
				.contains("gatehouseSchemaMigration");
			assertThat(context.getBean("roleCount")).isEqualTo(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ReadsTheTablesAtStart {

		/** Registered before the auto-configurations, so without the ordering it would run first and fail. */
		@Bean
		@DependsOnDatabaseInitialization
		Integer roleCount(DataSource dataSource) {
			return new JdbcTemplate(dataSource).queryForObject("select count(*) from gh_role", Integer.class);
		}
	}
}
