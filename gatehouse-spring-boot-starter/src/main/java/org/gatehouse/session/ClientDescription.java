package org.gatehouse.session;

/** Browser, operating system and device type read from a User-Agent header. */
record ClientDescription(String browser, String browserVersion, String os, String device) {

	public static final ClientDescription UNKNOWN = new ClientDescription("Other", "", "Other", "Other");
}
