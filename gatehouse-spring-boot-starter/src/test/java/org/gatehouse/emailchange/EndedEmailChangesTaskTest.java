package org.gatehouse.emailchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.gatehouse.tasks.BatchedDelete;
import org.gatehouse.testapp.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Requests go once no link of theirs works and the revert period (7 days by default) is over; the rest stays. */
class EndedEmailChangesTaskTest {

	final Instant now = Instant.now();

	@ParameterizedTest
	@EnumSource(MigratedDatabase.class)
	void requestsWhoseLinksHaveEndedGoAndTheOthersStay(MigratedDatabase database) {
		long user = database.newUser();
		String confirmedLongAgo = request(database, user, "CONFIRMED", days(-8), days(-8).plus(Duration.ofHours(2)),
				days(-1));
		String expiredUnconfirmed = request(database, user, "PENDING", days(-10), days(-10).plus(Duration.ofHours(2)),
				days(-3));
		String revertedLongAgo = request(database, user, "REVERTED", days(-9), days(-9).plus(Duration.ofHours(2)),
				days(-2));
		String byAdminLongAgo = request(database, user, "CONFIRMED", days(-8), days(-8), null);
		List<String> ended = List.of(confirmedLongAgo, expiredUnconfirmed, revertedLongAgo, byAdminLongAgo);

		String pending = request(database, user, "PENDING", now.minus(Duration.ofMinutes(5)),
				now.plus(Duration.ofHours(1)), days(7));
		String revertable = request(database, user, "CONFIRMED", days(-2), days(-2).plus(Duration.ofHours(2)), days(5));
		// superseded, but whoever asked may still revert
		String cancelledRevertable = request(database, user, "CANCELLED", days(-1), days(-1).plus(Duration.ofHours(2)),
				days(6));
		String byAdminRecently = request(database, user, "CONFIRMED", days(-1), days(-1), null);
		// the revert period was made longer than it is now: the link's own end counts
		String longerPeriod = request(database, user, "CONFIRMED", days(-20), days(-20), days(10));
		List<String> open = List.of(pending, revertable, cancelledRevertable, byAdminRecently, longerPeriod);

		int removed = new EndedEmailChangesTask(new BatchedDelete(database.dataSource(), 3), new EmailChangeProperties(),
				Clock.fixed(now, ZoneOffset.UTC)).run();

		assertThat(removed).isGreaterThanOrEqualTo(ended.size());
		assertThat(remaining(database, ended)).isEmpty();
		assertThat(remaining(database, open)).containsExactlyInAnyOrderElementsOf(open);
	}

	private Instant days(int days) {
		return now.plus(Duration.ofDays(days));
	}

	/** A request with its confirmation link's end and (null for an administrator's change) its revert link's end. */
	private static String request(MigratedDatabase database, long user, String status, Instant requestedAt,
			Instant confirmExpiresAt, Instant revertExpiresAt) {
		String newEmail = "n" + UUID.randomUUID() + "@example.org";
		database.jdbc().sql("insert into gh_email_change (user_id, old_email, new_email, status, requested_at, "
				+ "confirm_expires_at, revert_expires_at) values (?, 'old@example.org', ?, ?, ?, ?, ?)")
			.params(user, newEmail, status, utc(requestedAt), utc(confirmExpiresAt),
					revertExpiresAt == null ? null : utc(revertExpiresAt))
			.update();
		return newEmail;
	}

	private static List<String> remaining(MigratedDatabase database, List<String> newEmails) {
		return newEmails.stream().filter(email -> database.jdbc().sql("select count(*) from gh_email_change where new_email = ?")
			.param(email).query(Integer.class).single() == 1).toList();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
