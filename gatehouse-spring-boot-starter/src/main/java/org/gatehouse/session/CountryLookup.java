package org.gatehouse.session;

/** The country of an IP address: the GeoIP database's answer when one is configured and its reader is present. */
@FunctionalInterface
interface CountryLookup {

	CountryLookup NONE = ip -> null;

	/** The two-letter country code of an IP address literal, or null when unknown. */
	String countryOf(String ip);
}
