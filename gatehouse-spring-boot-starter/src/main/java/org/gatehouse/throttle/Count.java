package org.gatehouse.throttle;

import java.time.Duration;

/** A counter's value after an increment, and how long its window still runs. */
public record Count(long value, Duration remaining) {
}
