package org.gatehouse.migration.invenio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gatehouse.migration.invenio.InvenioSchema.Feature;
import org.gatehouse.migration.invenio.MigrationReport.Table;

/**
 * accounts_useridentity (ORCID, GitHub, ... accounts linked for sign-in) into gh_external_identity:
 * method becomes the provider, id the provider's subject.
 */
final class IdentityMigration extends UserRowsMigration<IdentityMigration.Identity> {

	record Identity(String subject, String method, Integer userId, Instant created) {
	}

	IdentityMigration(MigrationRun run) {
		super(run);
	}

	@Override
	Table table() {
		return Table.IDENTITIES;
	}

	@Override
	MigrationLedger.Kind kind() {
		return MigrationLedger.Kind.IDENTITY;
	}

	@Override
	String query() {
		return run.source.schema().has(Feature.IDENTITY_TABLE)
				? "select id, method, id_user, created from accounts_useridentity" : null;
	}

	@Override
	Identity map(ResultSet rs) throws SQLException {
		int user = rs.getInt("id_user");
		return new Identity(rs.getString("id"), rs.getString("method"), rs.wasNull() ? null : user,
				InvenioSource.instant(rs, "created"));
	}

	@Override
	String key(Identity row) {
		return row.method() + ":" + row.subject();
	}

	@Override
	Integer invenioUser(Identity row) {
		return row.userId();
	}

	@Override
	List<Map.Entry<String, Long>> write(List<Owned<Identity>> rows) {
		Set<String> linked = new HashSet<>();
		Set<String> userProviders = new HashSet<>();
		run.named.query("select provider, subject, user_id from gh_external_identity where subject in (:subjects) "
				+ "or user_id in (:users)", Map.of("subjects", rows.stream().map(o -> o.row().subject()).toList(), "users",
						rows.stream().map(Owned::userId).distinct().toList()), rs -> {
							linked.add(rs.getString(1) + ":" + rs.getString(2));
							userProviders.add(rs.getLong(3) + ":" + rs.getString(1));
						});
		List<Object[]> inserts = new ArrayList<>();
		List<Map.Entry<String, Long>> written = new ArrayList<>();
		for (Owned<Identity> owned : rows) {
			Identity identity = owned.row();
			String key = key(identity);
			if (identity.method().length() > 64 || identity.subject().length() > 255) {
				run.report.rejected(table(), key, "provider name longer than 64 or subject longer than 255 characters");
			}
			else if (!linked.add(key)) {
				run.report.rejected(table(), key, "this " + identity.method() + " account is already linked to a Gatehouse user");
			}
			else if (!userProviders.add(owned.userId() + ":" + identity.method())) {
				run.report.rejected(table(), key, "the Gatehouse user already has a " + identity.method() + " account linked");
			}
			else {
				inserts.add(new Object[] { owned.userId(), identity.method(), identity.subject(),
						run.at(identity.created() == null ? run.now : identity.created()) });
				written.add(new AbstractMap.SimpleEntry<>(key, null));
			}
		}
		run.jdbc.batchUpdate("insert into gh_external_identity (user_id, provider, subject, created_at) values (?, ?, ?, ?)",
				inserts);
		return written;
	}
}
