package org.gatehouse.admin;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.mail.MailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Development only: when no active admin exists at start-up, a one-time setup link is
 * printed that lets its holder create the first admin. The token lives in memory for an
 * hour and works once; production never makes one (there, use {@code users create --role admin}).
 */
public class FirstAdminSetup {

	private static final Logger log = LoggerFactory.getLogger(FirstAdminSetup.class);
	static final Duration VALIDITY = Duration.ofHours(1);
	static final String PATH = "/setup/";

	private record SetupToken(String value, Instant expiresAt) {
	}

	private final UserStore users;
	private final GatehouseProperties properties;
	private final MailProperties mail;
	private final Clock clock;
	private final AtomicReference<SetupToken> token = new AtomicReference<>();

	public FirstAdminSetup(UserStore users, GatehouseProperties properties, MailProperties mail, Clock clock) {
		this.users = users;
		this.properties = properties;
		this.mail = mail;
		this.clock = clock;
	}

	/** Not for a context without a web server, e.g. the server's command line: nobody could open the link. */
	@EventListener
	public void offerSetupLink(ApplicationReadyEvent event) {
		if (event.getSpringApplication().getWebApplicationType() == WebApplicationType.NONE || properties.isProduction() || users.anyActiveUserWithRole("admin")) {
			return;
		}
		String base = mail.getLinkBaseUrl();
		String link = (base == null || base.isBlank() ? "" : base.replaceAll("/+$", "")) + PATH + issue();
		log.warn("No administrator exists. Create the first one within {} minutes at {} (works once)",
				VALIDITY.toMinutes(), link);
	}

	/** A new token replacing any earlier one; null in production. */
	String issue() {
		if (properties.isProduction()) {
			return null;
		}
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		token.set(new SetupToken(value, clock.instant().plus(VALIDITY)));
		return value;
	}

	public boolean isValid(String candidate) {
		SetupToken current = token.get();
		return current != null && !properties.isProduction() && clock.instant().isBefore(current.expiresAt())
				&& candidate != null && MessageDigest.isEqual(current.value().getBytes(), candidate.getBytes());
	}

	/** Uses the token up; true only for the one caller that presented it while valid. */
	public boolean consume(String candidate) {
		SetupToken current = token.get();
		return isValid(candidate) && token.compareAndSet(current, null);
	}
}
