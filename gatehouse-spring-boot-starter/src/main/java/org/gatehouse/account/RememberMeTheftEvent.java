package org.gatehouse.account;

/**
 * A replaced remember-me token came back and the user was signed out everywhere
 * ({@link RememberMeTheft}); the security log records it.
 *
 * @param details what became of the sessions, never a secret
 */
public record RememberMeTheftEvent(long userId, String details) {
}
