package org.gatehouse.session;

import org.gatehouse.audit.ClientLabel;

/** Browser, operating system and device type read from a User-Agent header. */
record ClientDescription(String browser, String browserVersion, String os, String device) {

	public static final ClientDescription UNKNOWN = new ClientDescription("Other", "", "Other", "Other");

	/** Browser and major version ("Firefox 128") and system, each left out when the parser did not know it. */
	ClientLabel label() {
		String major = browserVersion.isEmpty() ? "" : " " + browserVersion.split("\\.")[0];
		return new ClientLabel(known(browser) ? browser + major : null, known(os) ? os : null);
	}

	/** ua-parser names what it does not recognise "Other". */
	private static boolean known(String name) {
		return !name.isEmpty() && !"Other".equals(name);
	}
}
