package org.gatehouse.server.browser;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the look-and-feel test does to a loaded page through the DevTools protocol: a viewport of a
 * given width, the colour scheme, volatile content made constant, the overflow check and a
 * full-page screenshot.
 */
final class PageShot {

	static final int START_HEIGHT = 900;

	/**
	 * Replaces what changes from run to run with constants: the digits and letters of times (their
	 * format and length stay, so a timestamp that grows or wraps still shows), browser versions (also a
	 * version standing alone, as on the Sessions page), user ids
	 * (which depend on the users other tests created before). Runs after the
	 * page's own scripts, which format times in the browser's zone (UTC here, see {@link #viewport}).
	 */
	private static final String STEADY = """
			document.querySelectorAll('time').forEach(t => t.textContent = t.textContent.replace(/\\d/g, '0').replace(/\\p{L}/gu, 'x'));
			document.querySelectorAll('#users-table tbody td:first-child').forEach(td => td.textContent = 'N');
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			  n.nodeValue = n.nodeValue
			    .replace(/\\b(HeadlessChrome|Chromium|Chrome)([ \\/])[0-9][0-9.]*/g, '$1$2NN')
			    .replace(/\\b\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?( ?(UTC|Z))?/g, time => time.replace(/\\d/g, '0'))
			    .replace(/^(\\s*)\\d+(\\.\\d+)+(\\s*)$/, '$1NN$3');
			}
			if (document.activeElement) { document.activeElement.blur(); }
			""";

	/** Elements that stick out of the page's width (outside a scroll container), as "tag#id.class". */
	private static final String OVERFLOW = """
			const width = document.documentElement.clientWidth;
			if (document.documentElement.scrollWidth <= width) { return []; }
			const out = [];
			document.querySelectorAll('body *').forEach(e => {
			  if (e.closest('.table-scroll') && !e.classList.contains('table-scroll')) { return; }
			  const r = e.getBoundingClientRect();
			  if (r.right > width + 1 && out.length < 8) {
			    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '')
			      + ' right=' + Math.round(r.right));
			  }
			});
			return out.length ? out : ['document ' + document.documentElement.scrollWidth + ' > ' + width];
			""";

	private PageShot() {
	}

	static void viewport(Browser browser, int width, int height) {
		try {
			browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "UTC"));
		}
		catch (RuntimeException alreadyInEffect) {
			// Chromium refuses a second override of the same page; the first one holds
		}
		browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
		browser.driver().executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", true));
	}

	static void darkMode(Browser browser, boolean dark) {
		browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
				List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
	}

	@SuppressWarnings("unchecked")
	static List<String> overflow(Browser browser) {
		return (List<String>) browser.script(OVERFLOW);
	}

	/** The whole page at the current width, volatile content made constant first. */
	static byte[] fullPage(Browser browser, int width) {
		browser.script(STEADY);
		long height = (Long) browser.script("return Math.ceil(document.documentElement.getBoundingClientRect().height)");
		viewport(browser, width, (int) Math.max(height, 200));
		Map<String, Object> shot = browser.driver().executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
		viewport(browser, width, START_HEIGHT);
		return Base64.getDecoder().decode((String) shot.get("data"));
	}
}
