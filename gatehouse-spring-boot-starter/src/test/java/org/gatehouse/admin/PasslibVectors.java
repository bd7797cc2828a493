package org.gatehouse.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** Hashes made by the real passlib, from gatehouse-passwords' test vectors (passwords are hex of UTF-8). */
public record PasslibVectors(String scheme, String password, String hash) {

	public static final Path FILE = locate();

	/** The first ascii, low-cost, matching vector of a scheme without a legacy HMAC salt. */
	public static PasslibVectors of(String scheme) {
		try {
			for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
				String[] columns = line.split("\t");
				if (columns.length >= 6 && columns[0].equals(scheme) && columns[3].startsWith("MATCH")
						&& columns[4].equals("-") && columns[5].startsWith("ascii")) {
					String password = new String(HexFormat.of().parseHex(columns[1]), StandardCharsets.UTF_8);
					return new PasslibVectors(scheme, password, columns[2]);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("No vector for " + scheme);
	}

	private static Path locate() {
		Path relative = Path.of("gatehouse-passwords/src/test/resources/vectors/passlib-vectors.tsv");
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.exists(dir.resolve(relative))) {
				return dir.resolve(relative);
			}
		}
		throw new IllegalStateException("passlib-vectors.tsv not found");
	}
}
