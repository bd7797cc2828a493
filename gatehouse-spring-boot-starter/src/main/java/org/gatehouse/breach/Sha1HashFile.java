package org.gatehouse.breach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.authentication.password.CompromisedPasswordDecision;

/**
 * A local corpus for sites without internet access: a text file of SHA-1 hashes, one per line as 40 hex
 * digits, optionally followed by {@code :count} (count 0 is no hit), sorted by hash - the format of Have I
 * Been Pwned's downloader ({@code haveibeenpwned-downloader}, tens of GB) or of {@code sort} over a list.
 * Nothing is loaded: each look-up is a binary search over the file with positional reads (about 30 of them
 * for a billion lines, served by the operating system's page cache), so the size of the file costs no heap.
 * The order is sampled when the file is opened and an unsorted file is refused then.
 */
public class Sha1HashFile implements CompromisedPasswordChecker, AutoCloseable {

	private static final int HASH_HEX = 40;
	/** Longer than any line: hash, colon, a count, CR LF. */
	private static final int WINDOW = 96;
	private static final int ORDER_SAMPLES = 256;

	private final Path path;
	private final FileChannel channel;
	private final long size;

	public Sha1HashFile(Path path) {
		this.path = path;
		try {
			this.channel = FileChannel.open(path, StandardOpenOption.READ);
			this.size = channel.size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the breached password file " + path, ex);
		}
		checkOrder();
	}

	@Override
	public CompromisedPasswordDecision check(String password) {
		if (password == null) {
			return new CompromisedPasswordDecision(false);
		}
		try {
			Line line = find(Sha1.hex(password));
			return new CompromisedPasswordDecision(line != null && line.count() != 0);
		}
		catch (IOException ex) {
			throw new BreachCorpusUnavailableException("Cannot read the breached password file " + path, ex);
		}
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}

	/** The line of {@code hash}, or null. Invariant: {@code low} is the start of a line. */
	private Line find(String hash) throws IOException {
		long low = 0;
		long high = size;
		while (low < high) {
			long mid = (low + high) >>> 1;
			long start = mid == low ? low : lineStartAtOrAfter(mid);
			if (start >= high) {
				high = mid;
				continue;
			}
			Line line = lineAt(start);
			int cmp = line.hash().compareTo(hash);
			if (cmp == 0) {
				return line;
			}
			if (cmp < 0) {
				low = line.next();
			}
			else {
				high = mid;
			}
		}
		return null;
	}

	private long lineStartAtOrAfter(long position) throws IOException {
		ByteBuffer window = read(position - 1);
		for (int i = 0; i < window.limit(); i++) {
			if (window.get(i) == '\n') {
				return position + i;
			}
		}
		throw new IOException("A line longer than " + WINDOW + " bytes near offset " + position);
	}

	private Line lineAt(long start) throws IOException {
		ByteBuffer window = read(start);
		int end = 0;
		while (end < window.limit() && window.get(end) != '\n') {
			end++;
		}
		if (end == window.limit() && start + end < size) {
			throw new IOException("A line longer than " + WINDOW + " bytes at offset " + start);
		}
		String text = new String(window.array(), 0, end, StandardCharsets.US_ASCII).strip();
		return Line.parse(text, start + end + 1, path);
	}

	private ByteBuffer read(long position) throws IOException {
		ByteBuffer window = ByteBuffer.allocate(WINDOW);
		long at = position;
		while (window.hasRemaining() && at < size) {
			int read = channel.read(window, at);
			if (read < 0) {
				break;
			}
			at += read;
		}
		window.flip();
		return window;
	}

	/** Samples lines across the file: each must be a hash line, in ascending order. */
	private void checkOrder() {
		try {
			String previous = "";
			long position = 0;
			for (int i = 0; i < ORDER_SAMPLES && position < size; i++) {
				long target = size / ORDER_SAMPLES * i;
				long start = target <= position ? position : lineStartAtOrAfter(target);
				if (start >= size) {
					break;
				}
				Line line = lineAt(start);
				if (line.hash().compareTo(previous) < 0) {
					throw new IllegalStateException("The breached password file " + path + " is not sorted by hash"
							+ " (sort it, e.g. LC_ALL=C sort -o FILE FILE, with the hashes in one case)");
				}
				previous = line.hash();
				position = line.next();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the breached password file " + path, ex);
		}
	}

	private record Line(String hash, long count, long next) {

		static Line parse(String text, long next, Path path) throws IOException {
			int colon = text.indexOf(':');
			String hash = colon < 0 ? text : text.substring(0, colon);
			if (hash.length() != HASH_HEX || !hash.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
				throw new IOException("Not a SHA-1 hash line in " + path + ": " + abbreviated(text));
			}
			long count;
			try {
				count = colon < 0 ? 1 : Long.parseLong(text.substring(colon + 1).strip());
			}
			catch (NumberFormatException ex) {
				throw new IOException("Not a count in " + path + ": " + abbreviated(text), ex);
			}
			return new Line(hash.toUpperCase(Locale.ROOT), count, next);
		}

		private static String abbreviated(String text) {
			return text.length() > 60 ? text.substring(0, 60) + "..." : text;
		}
	}
}
