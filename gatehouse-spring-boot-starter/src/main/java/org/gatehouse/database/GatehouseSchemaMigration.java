package org.gatehouse.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates Gatehouse's own tables with Flyway, from db/gatehouse/migration (and
 * db/gatehouse/vendor/{vendor}) into the history table gatehouse_schema_history, beside any
 * migrations of the application (Spring Boot's Flyway, its own location and table). Spring Boot
 * runs it as a database initializer ({@link GatehouseSchemaInitializerDetector}), so beans that
 * read the tables wait for it. A schema that is already up to date ({@link SchemaUpToDate}) leaves Flyway unstarted.
 */
final class GatehouseSchemaMigration implements InitializingBean {

	static final String HISTORY_TABLE = "gatehouse_schema_history";

	private final FluentConfiguration configuration;
	private final LegacyHistory legacyHistory;

	GatehouseSchemaMigration(FluentConfiguration configuration, LegacyHistory legacyHistory) {
		this.configuration = configuration;
		this.legacyHistory = legacyHistory;
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
		if (SchemaUpToDate.check(configuration)) {
			return;
		}
		legacyHistory.baselineIfRecordedThere(configuration);
		configuration.load().migrate();
	}
}
