package org.gatehouse.server.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * axe-core (the npm package's axe.min.js, shipped in Deque's jar) run inside the page. The script
 * goes in through WebDriver's script execution, which the page's Content Security Policy does not
 * govern: the page itself still allows no inline script.
 */
final class Axe {

	/** Impacts that fail a page; "minor" and "moderate" are left to review. */
	static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

	private static final String SOURCE = load();

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { resultTypes: ['violations'] })
			  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help,
			      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }))))
			  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
			""";

	private Axe() {
	}

	/** Serious and critical violations on the browser's current page, one line each. */
	@SuppressWarnings("unchecked")
	static List<String> seriousViolations(Browser browser) {
		browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
			browser.script(SOURCE);
		}
		List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.driver().executeAsyncScript(RUN);
		return violations.stream()
			.filter(v -> FAILING_IMPACTS.contains(v.get("impact")))
			.map(v -> v.get("impact") + " " + v.get("id") + " (" + v.get("help") + "): " + v.get("nodes"))
			.toList();
	}

	private static String load() {
		try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
