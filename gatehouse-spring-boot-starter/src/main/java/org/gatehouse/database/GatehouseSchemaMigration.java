package org.gatehouse.database;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates Gatehouse's own tables with Flyway, from db/gatehouse/migration (and
 * db/gatehouse/vendor/{vendor}) into the history table gatehouse_schema_history, beside any
 * migrations of the application (Spring Boot's Flyway, its own location and table). Spring Boot
 * runs it as a database initializer ({@link GatehouseSchemaInitializerDetector}), so beans that
 * read the tables wait for it. A schema that is already up to date ({@link SchemaUpToDate}) leaves Flyway unstarted:
 * its configuration is built only when there is something to migrate, as building one already loads Flyway's
 * plugins and copies their settings through a Jackson 2 mapper (some 350 classes at every start of the server and of
 * every command).
 */
final class GatehouseSchemaMigration implements InitializingBean {

	static final String HISTORY_TABLE = "gatehouse_schema_history";

	private final DataSource dataSource;
	private final List<String> locations;
	private final Supplier<FluentConfiguration> configuration;
	private final LegacyHistory legacyHistory;

	/**
	 * @param dataSource where the schema is (the check's connection; Flyway connects as {@code configuration} says)
	 * @param locations the configuration's locations, e.g. {@code classpath:db/gatehouse/migration}
	 */
	GatehouseSchemaMigration(DataSource dataSource, List<String> locations,
			Supplier<FluentConfiguration> configuration, LegacyHistory legacyHistory) {
		this.dataSource = dataSource;
		this.locations = List.copyOf(locations);
		this.configuration = configuration;
		this.legacyHistory = legacyHistory;
	}

	/** For a configuration that is already built (its data source and locations are checked). */
	GatehouseSchemaMigration(FluentConfiguration configuration, LegacyHistory legacyHistory) {
		this(configuration.getDataSource(),
				Arrays.stream(configuration.getLocations()).map(Location::getDescriptor).toList(),
				() -> configuration, legacyHistory);
	}

	/** Gatehouse's history table; the application's tables may be there already, Gatehouse's own start at V1. */
	static FluentConfiguration configure() {
		return Flyway.configure(GatehouseSchemaMigration.class.getClassLoader())
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0");
	}

	@Override
	public void afterPropertiesSet() {
		if (SchemaUpToDate.check(dataSource, locations)) {
			return;
		}
		FluentConfiguration flyway = configuration.get();
		legacyHistory.baselineIfRecordedThere(flyway);
		flyway.load().migrate();
	}
}
