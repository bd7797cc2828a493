package org.gatehouse.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** No channel: the caches stay bypassed. */
final class ClosedChannel implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClosedChannel.class);

	private final String reason;
	private volatile boolean running;

	ClosedChannel(String reason) {
		this.reason = reason;
	}

	@Override
	public void start() {
		log.info("No near cache of sessions and users: {}", this.reason);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}
}
