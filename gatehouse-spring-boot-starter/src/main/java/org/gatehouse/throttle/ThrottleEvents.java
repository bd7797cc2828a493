package org.gatehouse.throttle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/** Metrics and the log line of every lock and rejection. */
public class ThrottleEvents {

	private static final Logger log = LoggerFactory.getLogger(ThrottleEvents.class);

	private final MeterRegistry meters;

	@Autowired
	public ThrottleEvents(ObjectProvider<MeterRegistry> meters) {
		this(meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	public ThrottleEvents(MeterRegistry meters) {
		this.meters = meters;
	}

	void accountLocked(String login, java.time.Duration lock, String reason) {
		meters.counter("gatehouse.throttle.locks", "kind", "account").increment();
		log.warn("Login throttle: account {} locked for {} ({})", ThrottleKeys.truncated(login), lock, reason);
	}

	void addressLocked(String network, java.time.Duration lock, String reason) {
		meters.counter("gatehouse.throttle.locks", "kind", "ip").increment();
		log.warn("Login throttle: address {} locked for {} ({})", network, lock, reason);
	}

	void rejected(String kind) {
		meters.counter("gatehouse.throttle.rejections", "kind", kind).increment();
	}
}
