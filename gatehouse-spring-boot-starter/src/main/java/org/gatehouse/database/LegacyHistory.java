package org.gatehouse.database;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Earlier releases migrated Gatehouse's tables through the application's Flyway, into its
 * history table (flyway_schema_history). On the first start with Gatehouse's own history table,
 * that table is baselined at the last Gatehouse migration the old table records, so nothing runs
 * twice and later migrations apply. A row counts as Gatehouse's when version, script and checksum
 * all match one of Gatehouse's migrations: an application's own V1 is never taken for Gatehouse's.
 */
final class LegacyHistory {

	private static final Logger log = LoggerFactory.getLogger(LegacyHistory.class);

	private final String table;

	LegacyHistory(String table) {
		this.table = table;
	}

	void baselineIfRecordedThere(FluentConfiguration configuration) {
		MigrationInfo[] ours = configuration.load().info().all();
		if (Arrays.stream(ours).anyMatch(migration -> migration.getState().isApplied())) {
			return;
		}
		lastRecordedVersion(configuration, ours).ifPresent(version -> {
			log.info("Gatehouse's tables were migrated up to version {} with the application's history table {}; "
					+ "recording that in {}", version, table, GatehouseSchemaMigration.HISTORY_TABLE);
			new FluentConfiguration(configuration.getClassLoader()).configuration(configuration)
				.baselineVersion(version)
				.baselineDescription("Gatehouse migrations recorded in " + table)
				.load()
				.baseline();
		});
	}

	private Optional<MigrationVersion> lastRecordedVersion(FluentConfiguration configuration, MigrationInfo[] ours) {
		Set<Key> gatehouseMigrations = Arrays.stream(ours).map(Key::of).collect(Collectors.toSet());
		MigrationInfo[] recorded = new FluentConfiguration(configuration.getClassLoader()).configuration(configuration)
			.table(table)
			.load()
			.info()
			.applied();
		return Arrays.stream(recorded)
			.filter(migration -> migration.getState().isApplied() && !migration.getState().isFailed())
			.filter(migration -> gatehouseMigrations.contains(Key.of(migration)))
			.map(MigrationInfo::getVersion)
			.max(MigrationVersion::compareTo);
	}

	private record Key(MigrationVersion version, String script, Integer checksum) {

		static Key of(MigrationInfo migration) {
			return new Key(migration.getVersion(), migration.getScript(), migration.getChecksum());
		}
	}
}
