package org.gatehouse.emailchange;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.gatehouse.emailchange.EmailChangeRequest.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * gh_email_change. Each link works once because its use is a conditional update of the row's status:
 * of two requests opening the same link, one changes the row and the other finds it no longer pending.
 */
class EmailChangeStore {

	private static final String COLUMNS = "id, user_id, old_email, new_email, status";

	private final JdbcClient jdbc;
	private final Clock clock;

	EmailChangeStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void insertPending(long userId, String oldEmail, String newEmail, String confirmHash, String revertHash,
			Instant confirmExpiresAt, Instant revertExpiresAt) {
		OffsetDateTime now = now();
		jdbc.sql("insert into gh_email_change (user_id, old_email, new_email, status, confirm_hash, revert_hash, "
				+ "requested_at, confirm_expires_at, revert_expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(userId, oldEmail, newEmail, Status.PENDING.name(), confirmHash, revertHash, now, utc(confirmExpiresAt),
					utc(revertExpiresAt))
			.update();
	}

	/** An administrator's change: done, without links. */
	void insertByAdmin(long userId, String oldEmail, String newEmail, long adminId) {
		OffsetDateTime now = now();
		jdbc.sql("insert into gh_email_change (user_id, old_email, new_email, status, requested_by, requested_at, "
				+ "confirm_expires_at, confirmed_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(userId, oldEmail, newEmail, Status.CONFIRMED.name(), adminId, now, now, now)
			.update();
	}

	/** An administrator's change ends the revert links of the user's earlier requests: it decides the address. */
	void endRevertLinks(long userId) {
		OffsetDateTime now = now();
		jdbc.sql("update gh_email_change set revert_expires_at = ? where user_id = ? and revert_expires_at > ?")
			.params(now, userId, now).update();
	}

	/** A newer request (or a revert, or an administrator's change) ends the user's pending ones. */
	void cancelPending(long userId) {
		jdbc.sql("update gh_email_change set status = ? where user_id = ? and status = ?")
			.params(Status.CANCELLED.name(), userId, Status.PENDING.name()).update();
	}

	/** The pending request whose confirmation link has this hash and still works. */
	Optional<EmailChangeRequest> findConfirmable(String confirmHash) {
		return jdbc.sql("select " + COLUMNS + " from gh_email_change where confirm_hash = ? and status = ? "
				+ "and confirm_expires_at > ?")
			.params(confirmHash, Status.PENDING.name(), now()).query(this::map).optional();
	}

	/**
	 * Not yet reverted, within the revert period, whatever became of the request: whoever asked knew the
	 * password, so the link that ends every login keeps working when the change was superseded or failed.
	 */
	Optional<EmailChangeRequest> findRevertable(String revertHash) {
		return jdbc.sql("select " + COLUMNS + " from gh_email_change where revert_hash = ? and status <> ? "
				+ "and revert_expires_at > ?")
			.params(revertHash, Status.REVERTED.name(), now()).query(this::map).optional();
	}

	/** True for the one caller that moved the request from pending to confirmed. */
	boolean markConfirmed(long id) {
		OffsetDateTime now = now();
		return jdbc.sql("update gh_email_change set status = ?, confirmed_at = ? where id = ? and status = ? "
				+ "and confirm_expires_at > ?")
			.params(Status.CONFIRMED.name(), now, id, Status.PENDING.name(), now).update() == 1;
	}

	/** True for the one caller that reverted the request. */
	boolean markReverted(long id) {
		OffsetDateTime now = now();
		return jdbc.sql("update gh_email_change set status = ?, reverted_at = ? where id = ? and status <> ? "
				+ "and revert_expires_at > ?")
			.params(Status.REVERTED.name(), now, id, Status.REVERTED.name(), now).update() == 1;
	}

	/** A confirmation that could not change the address (taken meanwhile): the request ends, its links too. */
	void markFailed(long id) {
		jdbc.sql("update gh_email_change set status = ?, confirmed_at = null where id = ? and status = ?")
			.params(Status.FAILED.name(), id, Status.CONFIRMED.name()).update();
	}

	private EmailChangeRequest map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new EmailChangeRequest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				Status.valueOf(rs.getString(5)));
	}

	private OffsetDateTime now() {
		return utc(clock.instant());
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
