package org.gatehouse.password;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.stereotype.Component;

import org.gatehouse.account.UserStore;

/**
 * Recomputes the {@link LegacyHashSample} from the stored hashes once the application is ready and
 * every {@value #EVERY_MINUTES} minutes after, on a thread of its own (never on a request). A failed
 * refresh keeps the previous snapshot.
 */
@Component
public class LegacyHashSampleRefresh implements AutoCloseable {

	static final int EVERY_MINUTES = 10;
	private static final int PAGE_SIZE = 5_000;
	private static final Logger log = LoggerFactory.getLogger(LegacyHashSampleRefresh.class);

	private final LegacyHashSample sample;
	private final UserStore users;
	private final SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();

	public LegacyHashSampleRefresh(LegacyHashSample sample, UserStore users) {
		this.sample = sample;
		this.users = users;
		scheduler.setThreadNamePrefix("gatehouse-legacy-sample-");
	}

	/** Not for a context without a web server, e.g. the server's command line: no logins to mirror there. */
	@EventListener
	public void start(ApplicationReadyEvent event) {
		if (event.getSpringApplication().getWebApplicationType() == WebApplicationType.NONE) {
			return;
		}
		Duration every = Duration.ofMinutes(EVERY_MINUTES);
		scheduler.scheduleWithFixedDelay(this::refresh, Instant.now(), every);
	}

	void refresh() {
		try {
			sample.refresh(hashes -> users.forEachPasswordHash(PAGE_SIZE, hashes));
			log.debug("Legacy password hash shapes mirrored by logins that find no password: {}", sample.shapes());
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the legacy password hash sample: {}", ex.toString());
		}
	}

	@Override
	public void close() {
		scheduler.close();
	}
}
