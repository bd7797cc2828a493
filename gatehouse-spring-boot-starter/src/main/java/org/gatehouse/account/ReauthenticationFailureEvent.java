package org.gatehouse.account;

/** A signed-in user typed a wrong password to re-authenticate ({@link Reauthentication}); the security log records it. */
public record ReauthenticationFailureEvent(long userId) {
}
