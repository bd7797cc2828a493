package org.gatehouse.session;

/** Browser, operating system and device type read from a User-Agent header. */
record ClientDescription(String browser, String browserVersion, String os, String device) {

	public static final ClientDescription UNKNOWN = new ClientDescription("Other", "", "Other", "Other");

	/** "Firefox 128 on Linux": the major version only. */
	String label() {
		String major = browserVersion.isEmpty() ? "" : " " + browserVersion.split("\\.")[0];
		return browser + major + " on " + os;
	}
}
