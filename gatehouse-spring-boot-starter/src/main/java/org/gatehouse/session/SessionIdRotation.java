package org.gatehouse.session;

/** Moves a stored session from one id to another, for a store whose save does not write the id. */
@FunctionalInterface
interface SessionIdRotation {

	/** For stores whose save moves the session itself (Redis renames its keys, memory re-files it). */
	SessionIdRotation BY_STORE = (from, to) -> {
	};

	void rotate(String from, String to);
}
