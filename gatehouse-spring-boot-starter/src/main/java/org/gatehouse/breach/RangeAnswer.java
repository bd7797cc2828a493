package org.gatehouse.breach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One answer of the range API, kept compact for the cache: the hash suffixes (35 hex digits, stored as 18
 * bytes) that occur in breaches, sorted for a binary search. Padding lines (count 0) are left out.
 */
final class RangeAnswer {

	static final int SUFFIX_HEX = 35;
	private static final int WIDTH = 18;

	private final byte[] suffixes;

	private RangeAnswer(byte[] suffixes) {
		this.suffixes = suffixes;
	}

	/** Parses {@code SUFFIX:COUNT} lines; a malformed line makes the whole answer untrustworthy. */
	static RangeAnswer parse(String body) {
		List<byte[]> found = new ArrayList<>();
		for (String line : body.split("\r?\n")) {
			if (line.isBlank()) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon != SUFFIX_HEX) {
				throw new IllegalArgumentException("Not a range API line: " + line);
			}
			if (Long.parseLong(line.substring(colon + 1).trim()) > 0) {
				found.add(bytes(line.substring(0, colon)));
			}
		}
		found.sort(Arrays::compareUnsigned);
		byte[] packed = new byte[found.size() * WIDTH];
		for (int i = 0; i < found.size(); i++) {
			System.arraycopy(found.get(i), 0, packed, i * WIDTH, WIDTH);
		}
		return new RangeAnswer(packed);
	}

	boolean contains(String suffix) {
		byte[] key = bytes(suffix);
		int low = 0;
		int high = suffixes.length / WIDTH - 1;
		while (low <= high) {
			int mid = (low + high) >>> 1;
			int cmp = Arrays.compareUnsigned(suffixes, mid * WIDTH, (mid + 1) * WIDTH, key, 0, WIDTH);
			if (cmp == 0) {
				return true;
			}
			if (cmp < 0) {
				low = mid + 1;
			}
			else {
				high = mid - 1;
			}
		}
		return false;
	}

	private static byte[] bytes(String suffix) {
		return HexFormat.of().parseHex("0" + suffix.toUpperCase(Locale.ROOT));
	}
}
