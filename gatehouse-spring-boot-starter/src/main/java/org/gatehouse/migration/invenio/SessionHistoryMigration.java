package org.gatehouse.migration.invenio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.migration.invenio.InvenioSchema.Feature;
import org.gatehouse.migration.invenio.MigrationReport.Table;

/**
 * accounts_user_session_activity as history in the user's security log (one entry per Invenio session, at
 * the time it began). Sessions themselves cannot move: their cookies were signed by Invenio.
 */
final class SessionHistoryMigration extends UserRowsMigration<SessionHistoryMigration.Session> {

	record Session(String sid, Integer userId, Instant created, Instant updated, String ip, String country, String browser,
			String browserVersion, String os, String device) {
	}

	SessionHistoryMigration(MigrationRun run) {
		super(run);
	}

	@Override
	Table table() {
		return Table.SESSIONS;
	}

	@Override
	MigrationLedger.Kind kind() {
		return MigrationLedger.Kind.SESSION;
	}

	@Override
	String query() {
		if (run.source.schema().has(Feature.SESSION_DETAILS)) {
			return "select sid_s, user_id, created, updated, ip, country, browser, browser_version, os, device "
					+ "from accounts_user_session_activity";
		}
		return "select sid_s, user_id, created, updated, cast(null as varchar) as ip, cast(null as varchar) as country, "
				+ "cast(null as varchar) as browser, cast(null as varchar) as browser_version, cast(null as varchar) as os, "
				+ "cast(null as varchar) as device from accounts_user_session_activity";
	}

	@Override
	Session map(ResultSet rs) throws SQLException {
		int user = rs.getInt("user_id");
		return new Session(rs.getString("sid_s"), rs.wasNull() ? null : user, InvenioSource.instant(rs, "created"),
				InvenioSource.instant(rs, "updated"), rs.getString("ip"), rs.getString("country"), rs.getString("browser"),
				rs.getString("browser_version"), rs.getString("os"), rs.getString("device"));
	}

	@Override
	String key(Session row) {
		return row.sid();
	}

	@Override
	Integer invenioUser(Session row) {
		return row.userId();
	}

	@Override
	List<Map.Entry<String, Long>> write(List<Owned<Session>> rows) {
		List<Object[]> inserts = new ArrayList<>();
		List<Map.Entry<String, Long>> written = new ArrayList<>();
		for (Owned<Session> owned : rows) {
			Session s = owned.row();
			inserts.add(new Object[] { run.at(s.created()), SecurityEventType.IMPORTED_SESSION.name(), owned.userId(),
					owned.userId(), s.ip() == null || s.ip().length() > 64 ? null : s.ip(), details(s) });
			written.add(new AbstractMap.SimpleEntry<>(key(s), null));
		}
		run.jdbc.batchUpdate("insert into gh_audit_log (occurred_at, event_type, actor_user_id, subject_user_id, ip, details) "
				+ "values (?, ?, ?, ?, ?, ?)", inserts);
		return written;
	}

	/** "Firefox 125.0 · Linux · Other · GB · last active 2024-05-07T08:00:00Z", within the column's 500 characters. */
	private static String details(Session s) {
		String browser = s.browser() == null ? null : s.browserVersion() == null ? s.browser() : s.browser() + " " + s.browserVersion();
		String details = Stream.of(browser, s.os(), s.device(), s.country(),
				s.updated() == null ? null : "last active " + s.updated())
			.filter(Objects::nonNull).collect(Collectors.joining(" · "));
		return details.length() > 500 ? details.substring(0, 500) : details;
	}
}
