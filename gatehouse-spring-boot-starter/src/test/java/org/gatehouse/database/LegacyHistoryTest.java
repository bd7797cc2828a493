package org.gatehouse.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database migrated by an earlier release has Gatehouse's migrations in the application's
 * history table: the first start with Gatehouse's own table runs none of them again, and applies
 * the migrations the new release brings.
 */
class LegacyHistoryTest {

	/** What earlier releases did: Gatehouse's migration files through Spring Boot's Flyway and its default table. */
	/** As the releases before Gatehouse's own history table did: V1 to V7 in the application's flyway_schema_history. */
	static void migrateTheOldWay(DataSource dataSource, TestDatabases database) {
		Flyway.configure()
			.dataSource(dataSource)
			.target("7")
			.locations("classpath:" + DatabaseMigrationAutoConfiguration.MIGRATIONS,
					"classpath:" + DatabaseMigrationAutoConfiguration.VENDOR_MIGRATIONS + database.vendor())
			.load()
			.migrate();
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void gatehousesOwnTableIsBaselinedAtTheOldTablesVersionAndLaterMigrationsApply(TestDatabases database) {
		DataSource dataSource = database.dataSource(database.newDatabase());
		migrateTheOldWay(dataSource, database);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.update("insert into gh_role (name) values ('kept')");

		FluentConfiguration configuration = GatehouseSchemaMigration.configure()
			.dataSource(dataSource)
			.locations("classpath:" + DatabaseMigrationAutoConfiguration.MIGRATIONS,
					"classpath:" + DatabaseMigrationAutoConfiguration.VENDOR_MIGRATIONS + database.vendor(),
					"classpath:db/gatehouse-later");
		new GatehouseSchemaMigration(configuration, new LegacyHistory("flyway_schema_history")).afterPropertiesSet();

		List<Map<String, Object>> rows = jdbc.queryForList(
				"select version, type from gatehouse_schema_history where type in ('SQL', 'BASELINE') order by installed_rank");
		assertThat(rows).extracting(row -> row.get("version") + " " + row.get("type"))
			.startsWith("7 BASELINE", "8 SQL")
			.endsWith("900 SQL");
		assertThat(jdbc.queryForList("select name from gh_role order by id", String.class))
			.containsExactly("admin", "kept");
		assertThat(jdbc.queryForObject("select count(*) from gh_later", Integer.class)).isZero();
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void anApplicationsOwnRowsInTheOldTableAreNotTakenForGatehouses(TestDatabases database) {
		DataSource dataSource = database.dataSource(database.newDatabase());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/host-migration").load().migrate();

		FluentConfiguration configuration = GatehouseSchemaMigration.configure()
			.dataSource(dataSource)
			.locations("classpath:" + DatabaseMigrationAutoConfiguration.MIGRATIONS);
		new GatehouseSchemaMigration(configuration, new LegacyHistory("flyway_schema_history")).afterPropertiesSet();

		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForList("select script from gatehouse_schema_history where type = 'SQL' order by installed_rank",
				String.class)).startsWith("V1__accounts.sql");
	}
}
