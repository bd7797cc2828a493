package org.gatehouse.migration.invenio;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gatehouse.admin.RoleAssignments;
import org.gatehouse.migration.invenio.MigrationReport.Table;

/**
 * accounts_role into gh_role, names and descriptions kept. Gatehouse stores role names in lower case; a role
 * whose name Gatehouse cannot hold is rejected (with its memberships), one whose name exists is shared.
 */
final class RoleMigration {

	private record InvenioRole(String id, String name, String description) {
	}

	private final MigrationRun run;

	RoleMigration(MigrationRun run) {
		this.run = run;
	}

	void migrate() {
		run.source.stream("select cast(id as varchar) as id, name, description from accounts_role order by id",
				run.batchSize, rs -> new InvenioRole(rs.getString("id"), rs.getString("name"), rs.getString("description")),
				batch -> run.inTransaction(() -> migrateBatch(batch)));
	}

	private void migrateBatch(List<InvenioRole> batch) {
		List<Map.Entry<String, Long>> written = new ArrayList<>();
		for (InvenioRole role : run.notYetMigrated(Table.ROLES, MigrationLedger.Kind.ROLE, batch, InvenioRole::id)) {
			String name = RoleAssignments.normalize(role.name());
			if (!RoleAssignments.isValidName(name)) {
				run.report.rejected(Table.ROLES, role.id(), "role name " + role.name() + " is not one Gatehouse accepts "
						+ "(a letter, then letters, digits, '_' or '-', at most 80): rename it in Invenio first");
				continue;
			}
			if (!name.equals(role.name())) {
				run.report.note(Table.ROLES, role.id(), "role " + role.name() + " is stored as " + name
						+ " (Gatehouse role names are lower case)");
			}
			List<Long> existing = run.jdbc.queryForList("select id from gh_role where name = ?", Long.class, name);
			long id;
			if (existing.isEmpty()) {
				run.jdbc.update("insert into gh_role (name, description) values (?, ?)", name, description(role));
				id = run.jdbc.queryForObject("select id from gh_role where name = ?", Long.class, name);
			}
			else {
				id = existing.get(0);
				run.report.note(Table.ROLES, role.id(), "role " + name + " already exists in Gatehouse: its members are added to it");
			}
			written.add(new AbstractMap.SimpleEntry<>(role.id(), id));
		}
		run.ledger.record(MigrationLedger.Kind.ROLE, written, run.now);
		run.report.migrated(Table.ROLES, written.size());
	}

	private static String description(InvenioRole role) {
		String description = role.description();
		return description == null || description.length() <= 255 ? description : description.substring(0, 255);
	}

	/** Invenio role id -> Gatehouse role id, of every migrated role (a few, kept in memory). */
	static Map<String, Long> migratedRoles(MigrationRun run) {
		return run.ledger.all(MigrationLedger.Kind.ROLE);
	}
}
