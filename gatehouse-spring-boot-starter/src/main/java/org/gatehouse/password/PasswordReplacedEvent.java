package org.gatehouse.password;

/**
 * A user's password was replaced, by a reset through a mailed link ({@code reset}) or by the user's
 * own change; published after the user's other sessions and remember-me logins were ended, so
 * other features (personal access tokens) can end what they hold for the user.
 */
public record PasswordReplacedEvent(long userId, boolean reset) {
}
