package org.gatehouse.audit;

/** Names the client of a User-Agent header for people ("Firefox 128 on Linux"); the session package knows how. */
@FunctionalInterface
public interface ClientLabels {

	ClientLabel label(String userAgent);
}
