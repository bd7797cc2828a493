package org.gatehouse.passwords;

import java.util.Base64;

/** passlib's "adapted base64": standard alphabet with '.' instead of '+', no padding. */
public final class Ab64 {

    private Ab64() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace('+', '.');
    }

    public static byte[] decode(String text) {
        if (text.indexOf('+') >= 0 || text.indexOf('=') >= 0 || text.length() % 4 == 1) {
            throw new MalformedHashException("invalid ab64 text");
        }
        try {
            return Base64.getDecoder().decode(text.replace('.', '+'));
        } catch (IllegalArgumentException e) {
            throw new MalformedHashException("invalid ab64 text");
        }
    }
}
