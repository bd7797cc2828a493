package org.gatehouse.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The security log table gh_audit_log: append, page through newest first by id (keyset), expire. */
@Repository
@DependsOnDatabaseInitialization
public class AuditLog {

	static final int USER_AGENT_LENGTH = 255;
	static final int DETAILS_LENGTH = 500;
	private static final String COLUMNS = "id, occurred_at, event_type, actor_user_id, subject_user_id, ip, "
			+ "user_agent, details";

	private final JdbcClient jdbc;
	private final Clock clock;

	public AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void append(SecurityEvent event, String ip, String userAgent) {
		jdbc.sql("insert into gh_audit_log (occurred_at, event_type, actor_user_id, subject_user_id, ip, user_agent, "
				+ "details) values (?, ?, ?, ?, ?, ?, ?)")
			.params(utc(clock.instant()), event.type().name(), event.actorUserId(), event.subjectUserId(),
					truncate(ip, 64), truncate(userAgent, USER_AGENT_LENGTH), truncate(event.details(), DETAILS_LENGTH))
			.update();
	}

	/** At most {@code limit} entries about one user, newest first. */
	public List<AuditEntry> aboutUser(long userId, Long beforeId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from gh_audit_log where subject_user_id = ? and id < ? "
				+ "order by id desc limit ?")
			.params(userId, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
			.query(AuditLog::map).list();
	}

	public List<AuditEntry> search(AuditQuery query, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from gh_audit_log where id < ?");
		List<Object> params = new ArrayList<>();
		params.add(query.beforeId() == null ? Long.MAX_VALUE : query.beforeId());
		if (query.type() != null) {
			sql.append(" and event_type = ?");
			params.add(query.type().name());
		}
		if (query.userId() != null) {
			sql.append(" and (subject_user_id = ? or actor_user_id = ?)");
			params.add(query.userId());
			params.add(query.userId());
		}
		if (query.from() != null) {
			sql.append(" and occurred_at >= ?");
			params.add(utc(query.from()));
		}
		if (query.to() != null) {
			sql.append(" and occurred_at < ?");
			params.add(utc(query.to()));
		}
		sql.append(" order by id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(AuditLog::map).list();
	}

	public int deleteBefore(Instant cutoff) {
		return jdbc.sql("delete from gh_audit_log where occurred_at < ?").param(utc(cutoff)).update();
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("event_type"), nullableLong(rs, "actor_user_id"), nullableLong(rs, "subject_user_id"),
				rs.getString("ip"), rs.getString("user_agent"), rs.getString("details"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String truncate(String value, int length) {
		return value == null || value.length() <= length ? value : value.substring(0, length);
	}
}
