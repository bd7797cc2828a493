package org.gatehouse.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.crypto.Sha256;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Sets of recovery codes: {@code xxxxx-xxxxx} from a 31-letter alphabet without look-alikes (49 random bits
 * each), stored as SHA-256 only, shown once. A new set replaces the old one.
 */
public class RecoveryCodes {

	private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private final MfaStore store;
	private final MfaProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	public RecoveryCodes(MfaStore store, MfaProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** A new set for the user, replacing any older one; the codes in clear, for showing once. */
	public List<String> regenerate(long userId) {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < properties.getRecoveryCodes().getCount(); i++) {
			codes.add(randomCode());
		}
		store.replaceRecoveryCodes(userId, codes.stream().map(RecoveryCodes::hash).toList(), clock.instant());
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.RECOVERY_CODES_GENERATED, userId,
				codes.size() + " codes"));
		return codes;
	}

	public int unused(long userId) {
		return store.unusedRecoveryCodes(userId);
	}

	private String randomCode() {
		StringBuilder code = new StringBuilder(11);
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	/** Hash of a typed code: case, spaces and the dash do not matter. */
	static String hash(String typed) {
		String normal = typed.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
		return Sha256.hex(normal);
	}
}
