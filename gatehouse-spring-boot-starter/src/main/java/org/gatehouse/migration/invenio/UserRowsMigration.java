package org.gatehouse.migration.invenio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gatehouse.migration.invenio.MigrationReport.Table;

/**
 * Rows that belong to an Invenio user (roles held, identities, sessions, tokens): streamed, batch by batch,
 * each batch in one transaction with its ledger rows; rows of users that were not migrated are rejected.
 */
abstract class UserRowsMigration<T> {

	/** A row and the Gatehouse user it belongs to. */
	record Owned<T>(T row, long userId) {
	}

	protected final MigrationRun run;

	UserRowsMigration(MigrationRun run) {
		this.run = run;
	}

	abstract Table table();

	abstract MigrationLedger.Kind kind();

	/** The Invenio query; null when the table does not exist in this schema. */
	abstract String query();

	abstract T map(ResultSet rs) throws SQLException;

	abstract String key(T row);

	/** The Invenio user id, or null for a row of no user. */
	abstract Integer invenioUser(T row);

	/** Writes what can be written, reports the rest; returns the rows written with their Gatehouse id (or null). */
	abstract List<Map.Entry<String, Long>> write(List<Owned<T>> rows);

	void migrate() {
		String query = query();
		if (query == null) {
			return;
		}
		run.source.stream(query, run.batchSize, this::map, batch -> run.inTransaction(() -> migrateBatch(batch)));
	}

	private void migrateBatch(List<T> batch) {
		List<T> todo = run.notYetMigrated(table(), kind(), batch, this::key);
		Map<Integer, Long> users = run.gatehouseUsers(todo.stream().map(this::invenioUser).filter(Objects::nonNull).toList());
		List<Owned<T>> owned = new ArrayList<>();
		for (T row : todo) {
			Integer invenioUser = invenioUser(row);
			if (invenioUser == null) {
				run.report.skipped(table(), key(row), "belongs to no user");
			}
			else if (!users.containsKey(invenioUser)) {
				run.report.rejected(table(), key(row), "its user #" + invenioUser + " was not migrated");
			}
			else {
				owned.add(new Owned<>(row, users.get(invenioUser)));
			}
		}
		List<Map.Entry<String, Long>> written = owned.isEmpty() ? List.of() : write(owned);
		run.ledger.record(kind(), written, run.now);
		run.report.migrated(table(), written.size());
	}
}
