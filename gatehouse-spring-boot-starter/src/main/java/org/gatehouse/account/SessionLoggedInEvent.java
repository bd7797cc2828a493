package org.gatehouse.account;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A login completed in this request, its session id already renewed: published so that what is
 * known about the session (browser, address) is recorded by the login request itself.
 */
public record SessionLoggedInEvent(HttpServletRequest request) {
}
