package org.gatehouse.emailchange;

/** A row of gh_email_change: one change of a user's address, from old to new. */
record EmailChangeRequest(long id, long userId, String oldEmail, String newEmail, Status status) {

	enum Status {
		PENDING, CONFIRMED, REVERTED, CANCELLED, FAILED
	}

	/** "old -> new", the details of its audit entries. */
	String change() {
		return oldEmail + " -> " + newEmail;
	}
}
