package org.gatehouse.migration.invenio;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The table gh_invenio_migration: which Invenio rows have been migrated, and into which Gatehouse row.
 * Written in the batch's own transaction, so it never claims a row whose data was rolled back.
 */
final class MigrationLedger {

	enum Kind { ROLE, USER, USER_ROLE, IDENTITY, SESSION, TOKEN }

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private final String source;

	/** @param source the Invenio database's name: ids are only unique within one */
	MigrationLedger(JdbcTemplate jdbc, String source) {
		this.jdbc = jdbc;
		this.source = source;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** Invenio key -> Gatehouse id (null when the Gatehouse row has none) of the keys already migrated. */
	Map<String, Long> migrated(Kind kind, Collection<String> keys) {
		Map<String, Long> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		named.query("select invenio_key, gatehouse_id from gh_invenio_migration where source = :source and kind = :kind "
				+ "and invenio_key in (:keys)", Map.of("source", source, "kind", kind.name(), "keys", keys), rs -> {
					long id = rs.getLong(2);
					found.put(rs.getString(1), rs.wasNull() ? null : id);
				});
		return found;
	}

	/** Invenio key -> Gatehouse id of every row of a kind (for the few roles). */
	Map<String, Long> all(Kind kind) {
		Map<String, Long> found = new HashMap<>();
		jdbc.query("select invenio_key, gatehouse_id from gh_invenio_migration where source = ? and kind = ?", rs -> {
			found.put(rs.getString(1), rs.getLong(2));
		}, source, kind.name());
		return found;
	}

	/** Invenio key -> the state recorded for it, of the keys given that have one. */
	Map<String, String> states(Kind kind, Collection<String> keys) {
		Map<String, String> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		named.query("select invenio_key, invenio_state from gh_invenio_migration where source = :source and kind = :kind "
				+ "and invenio_key in (:keys) and invenio_state is not null",
				Map.of("source", source, "kind", kind.name(), "keys", keys), rs -> {
					found.put(rs.getString(1), rs.getString(2));
				});
		return found;
	}

	void recordStates(Kind kind, Map<String, String> states) {
		jdbc.batchUpdate("update gh_invenio_migration set invenio_state = ? where source = ? and kind = ? and invenio_key = ?",
				states.entrySet().stream().map(e -> new Object[] { e.getValue(), source, kind.name(), e.getKey() }).toList());
	}

	void record(Kind kind, List<Map.Entry<String, Long>> rows, Instant now) {
		if (rows.isEmpty()) {
			return;
		}
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		jdbc.batchUpdate("insert into gh_invenio_migration (source, kind, invenio_key, gatehouse_id, migrated_at) "
				+ "values (?, ?, ?, ?, ?)", rows.stream().map(r -> new Object[] { source, kind.name(), r.getKey(), r.getValue(), at }).toList());
	}
}
