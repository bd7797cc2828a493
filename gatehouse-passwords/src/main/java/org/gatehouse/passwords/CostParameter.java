package org.gatehouse.passwords;

/** Parses a decimal cost parameter from a stored hash, refusing zero padding and values outside the allowed range. */
final class CostParameter {

    private CostParameter() {
    }

    static int parse(String text, int min, int max, String what) {
        if (text.isEmpty() || text.length() > 10 || (text.length() > 1 && text.charAt(0) == '0')) {
            throw new MalformedHashException("invalid " + what);
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedHashException("invalid " + what);
            }
            value = value * 10 + (c - '0');
        }
        if (value < min || value > max) {
            throw new MalformedHashException(what + " out of range " + min + ".." + max + ": " + value);
        }
        return (int) value;
    }
}
