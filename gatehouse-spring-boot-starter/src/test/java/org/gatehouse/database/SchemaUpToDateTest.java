package org.gatehouse.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A restart on a schema that is up to date does not start Flyway; every other state is still Flyway's to migrate,
 * baseline or refuse.
 */
class SchemaUpToDateTest {

	/** Records what Flyway did; empty when it never ran. */
	private static final class FlywayEvents implements Callback {

		final List<Event> seen = new ArrayList<>();

		@Override
		public boolean supports(Event event, Context context) {
			return true;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			seen.add(event);
		}

		@Override
		public String getCallbackName() {
			return "recorder";
		}
	}

	private static FluentConfiguration gatehouse(DataSource dataSource, TestDatabases database, String... more) {
		List<String> locations = new ArrayList<>(List.of("classpath:" + DatabaseMigrationAutoConfiguration.MIGRATIONS,
				"classpath:" + DatabaseMigrationAutoConfiguration.VENDOR_MIGRATIONS + database.vendor()));
		locations.addAll(List.of(more));
		return GatehouseSchemaMigration.configure().dataSource(dataSource).locations(locations.toArray(String[]::new));
	}

	private static boolean upToDate(FluentConfiguration configuration) {
		return SchemaUpToDate.check(configuration.getDataSource(),
				Arrays.stream(configuration.getLocations()).map(Location::getDescriptor).toList());
	}

	private static void start(FluentConfiguration configuration) {
		new GatehouseSchemaMigration(configuration, new LegacyHistory("flyway_schema_history")).afterPropertiesSet();
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void aRestartOnAnUpToDateSchemaLeavesFlywayUnstarted(TestDatabases database) {
		DataSource dataSource = database.dataSource(database.newDatabase());
		FlywayEvents first = new FlywayEvents();
		start(gatehouse(dataSource, database).callbacks(first));
		assertThat(first.seen).contains(Event.AFTER_MIGRATE);

		FlywayEvents restart = new FlywayEvents();
		start(gatehouse(dataSource, database).callbacks(restart));
		assertThat(restart.seen).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void aRestartOnAnUpToDateSchemaDoesNotEvenConfigureFlyway(TestDatabases database) {
		DataSource dataSource = database.dataSource(database.newDatabase());
		FluentConfiguration migrated = gatehouse(dataSource, database);
		start(migrated);

		List<String> locations = Arrays.stream(migrated.getLocations()).map(Location::getDescriptor).toList();
		new GatehouseSchemaMigration(dataSource, locations, () -> {
			throw new AssertionError("Flyway was configured for an up-to-date schema");
		}, new LegacyHistory("flyway_schema_history")).afterPropertiesSet();
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void aNewReleasesMigrationStillRuns(TestDatabases database) {
		DataSource dataSource = database.dataSource(database.newDatabase());
		start(gatehouse(dataSource, database));

		FlywayEvents upgrade = new FlywayEvents();
		start(gatehouse(dataSource, database, "classpath:db/gatehouse-later").callbacks(upgrade));
		assertThat(upgrade.seen).contains(Event.AFTER_EACH_MIGRATE);
		assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from gh_later", Integer.class)).isZero();
		assertThat(upToDate(gatehouse(dataSource, database, "classpath:db/gatehouse-later"))).isTrue();
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void aScriptThatDiffersFromTheAppliedOneIsStillRefusedByFlyway(TestDatabases database) {
		DataSource dataSource = database.dataSource(database.newDatabase());
		start(gatehouse(dataSource, database));
		new JdbcTemplate(dataSource).update("update gatehouse_schema_history set checksum = checksum + 1 where version = '1'");

		assertThat(upToDate(gatehouse(dataSource, database))).isFalse();
		assertThatThrownBy(() -> start(gatehouse(dataSource, database))).isInstanceOf(FlywayValidateException.class);
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void aFailedMigrationIsLeftToFlyway(TestDatabases database) {
		DataSource dataSource = database.dataSource(database.newDatabase());
		start(gatehouse(dataSource, database));
		new JdbcTemplate(dataSource).update("update gatehouse_schema_history set success = false where version = '5'");

		assertThat(upToDate(gatehouse(dataSource, database))).isFalse();
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void aSchemaBaselinedFromAnEarlierReleasesHistoryIsUpToDateOnceMigrated(TestDatabases database) {
		DataSource dataSource = database.dataSource(database.newDatabase());
		LegacyHistoryTest.migrateTheOldWay(dataSource, database);
		assertThat(upToDate(gatehouse(dataSource, database))).isFalse();

		start(gatehouse(dataSource, database, "classpath:db/gatehouse-later"));

		FlywayEvents restart = new FlywayEvents();
		start(gatehouse(dataSource, database, "classpath:db/gatehouse-later").callbacks(restart));
		assertThat(restart.seen).isEmpty();
	}
}
