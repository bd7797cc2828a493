package org.gatehouse.audit;

/**
 * A client as the security log names it: the browser with its major version ("Firefox 128") and
 * its operating system; either is null when unknown. The page joins them in the reader's language.
 */
public record ClientLabel(String browser, String system) {
}
