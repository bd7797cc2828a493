package org.gatehouse.migration.invenio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gatehouse.migration.invenio.MigrationReport.Table;

/** accounts_userrole into gh_user_role. */
final class UserRoleMigration extends UserRowsMigration<UserRoleMigration.Membership> {

	record Membership(Integer userId, String roleId) {
	}

	private final Map<String, Long> roles;

	UserRoleMigration(MigrationRun run) {
		super(run);
		this.roles = RoleMigration.migratedRoles(run);
	}

	@Override
	Table table() {
		return Table.USER_ROLES;
	}

	@Override
	MigrationLedger.Kind kind() {
		return MigrationLedger.Kind.USER_ROLE;
	}

	@Override
	String query() {
		return "select user_id, cast(role_id as varchar) as role_id from accounts_userrole";
	}

	@Override
	Membership map(ResultSet rs) throws SQLException {
		int user = rs.getInt("user_id");
		return new Membership(rs.wasNull() ? null : user, rs.getString("role_id"));
	}

	@Override
	String key(Membership row) {
		return row.userId() + ":" + row.roleId();
	}

	@Override
	Integer invenioUser(Membership row) {
		return row.userId();
	}

	@Override
	List<Map.Entry<String, Long>> write(List<Owned<Membership>> rows) {
		Set<String> held = new HashSet<>();
		run.named.query("select user_id, role_id from gh_user_role where user_id in (:ids)",
				Map.of("ids", rows.stream().map(Owned::userId).distinct().toList()),
				rs -> {
					held.add(rs.getLong(1) + ":" + rs.getLong(2));
				});
		List<Object[]> inserts = new ArrayList<>();
		List<Map.Entry<String, Long>> written = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (Owned<Membership> owned : rows) {
			Long role = roles.get(owned.row().roleId());
			String key = key(owned.row());
			if (role == null) {
				run.report.rejected(table(), key, "role " + owned.row().roleId() + " was not migrated");
			}
			else if (!keys.add(key)) {
				run.report.skipped(table(), key, "the same membership appears twice in accounts_userrole");
			}
			else {
				if (held.add(owned.userId() + ":" + role)) {
					inserts.add(new Object[] { owned.userId(), role });
				}
				written.add(new AbstractMap.SimpleEntry<>(key, role));
			}
		}
		run.jdbc.batchUpdate("insert into gh_user_role (user_id, role_id) values (?, ?)", inserts);
		return written;
	}
}
