package org.gatehouse.session;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import ua_parser.Client;
import ua_parser.Parser;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.util.function.SingletonSupplier;

/** ua-parser with a cache: parsing runs dozens of regexes, and users keep their browser. */
class UserAgentParser implements ClientDescriptions {

	private static final int MAX_HEADER = 512;

	/**
	 * Compiling ua-parser's regexes takes seconds of CPU on a small machine: it starts once the application is
	 * ready (or at the first use, which then waits for it), so it does not compete with start-up.
	 */
	private final SingletonSupplier<CompletableFuture<Parser>> parser = SingletonSupplier
		.of(() -> CompletableFuture.supplyAsync(Parser::new));
	private final Cache<String, ClientDescription> cache = Caffeine.newBuilder().maximumSize(10_000)
		.expireAfterAccess(Duration.ofHours(1)).build();

	@Override
	public ClientDescription describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return ClientDescription.UNKNOWN;
		}
		String header = userAgent.length() > MAX_HEADER ? userAgent.substring(0, MAX_HEADER) : userAgent;
		return cache.get(header, this::parse);
	}

	@EventListener(ApplicationReadyEvent.class)
	public void compileInBackground() {
		parser.obtain();
	}

	private ClientDescription parse(String header) {
		Client client = parser.obtain().join().parse(header);
		String version = client.userAgent.major == null ? ""
				: client.userAgent.major + (client.userAgent.minor == null ? "" : "." + client.userAgent.minor);
		return new ClientDescription(client.userAgent.family, version, client.os.family, deviceType(client, header));
	}

	private static String deviceType(Client client, String header) {
		String family = client.device.family;
		if ("Spider".equals(family)) {
			return "Bot";
		}
		if (header.contains("iPad") || header.contains("Tablet")) {
			return "Tablet";
		}
		if (header.contains("Mobi") || header.contains("Android")) {
			return "Mobile";
		}
		return "Desktop";
	}
}
