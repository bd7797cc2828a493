package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "a store is down" (503) rather than a bug (500). */
class SessionStoreUnavailableFilterTest {

	/**
	 * Seen in the cluster's PostgreSQL-restart scenario: the activity write failed with an I/O error, then the
	 * rollback failed on the closed connection, and Spring reported only the rollback ("Connection is closed",
	 * no SQL state), which answered 500.
	 */
	@Test
	void aFailedRollbackAfterAStoreFailureIsAStoreFailure() {
		DataAccessResourceFailureException io = new DataAccessResourceFailureException("An I/O error occurred");
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(io);
		assertThat(SessionStoreUnavailableFilter.storeFailure(rollback)).isSameAs(io);
	}

	@Test
	void aFailedRollbackAfterABugIsNot() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new IllegalStateException("a bug"));
		assertThat(SessionStoreUnavailableFilter.storeFailure(rollback)).isNull();
	}
}
