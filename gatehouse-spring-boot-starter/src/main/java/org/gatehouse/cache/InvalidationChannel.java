package org.gatehouse.cache;

/**
 * Carries invalidation messages to every instance, this one included, and tells {@link NearCaches} when it opens
 * (listening) and closes (messages may be lost).
 */
interface InvalidationChannel {

	/** Sends the message to every instance; throws when it cannot, so the write that needs it fails visibly. */
	void publish(String message);
}
