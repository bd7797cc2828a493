package org.gatehouse.session;

/** Browser, system and device of a User-Agent header: ua-parser's reading when it is on the class path. */
@FunctionalInterface
interface ClientDescriptions {

	/** Without ua-parser every client is described as unknown ("Other"). */
	ClientDescriptions UNKNOWN = userAgent -> ClientDescription.UNKNOWN;

	ClientDescription describe(String userAgent);
}
