package org.gatehouse.passwords;

/** A stored hash that claims a scheme but does not follow its format or exceeds its sane limits. */
public final class MalformedHashException extends RuntimeException {

    public MalformedHashException(String message) {
        super(message);
    }
}
