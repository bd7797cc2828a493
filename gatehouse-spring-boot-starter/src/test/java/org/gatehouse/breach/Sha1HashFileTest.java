package org.gatehouse.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha1HashFileTest {

	@TempDir
	Path dir;

	private Path write(List<String> lines) throws IOException {
		Path file = dir.resolve("pwned.txt");
		Files.write(file, lines);
		return file;
	}

	@Test
	void findsEveryListedPasswordInALargeSortedFileAndNoOther() throws IOException {
		TreeMap<String, Integer> hashes = new TreeMap<>();
		for (int i = 0; i < 50_000; i++) {
			hashes.put(Sha1.hex("password" + i), i % 7 + 1);
		}
		hashes.put(Sha1.hex("seen-zero-times"), 0);
		Path file = dir.resolve("big.txt");
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			for (var entry : hashes.entrySet()) {
				out.write(entry.getKey() + ":" + entry.getValue() + "\r\n");
			}
		}
		try (Sha1HashFile corpus = new Sha1HashFile(file)) {
			for (int i = 0; i < 50_000; i += 997) {
				assertThat(corpus.check("password" + i).isCompromised()).as("password" + i).isTrue();
			}
			assertThat(corpus.check("password50000").isCompromised()).isFalse();
			assertThat(corpus.check("not in the list").isCompromised()).isFalse();
			assertThat(corpus.check("seen-zero-times").isCompromised()).as("count 0").isFalse();
			hashes.remove(Sha1.hex("seen-zero-times"));
			for (String edge : List.of(hashes.firstKey(), hashes.lastKey())) {
				assertThat(corpus.check(passwordOf(edge)).isCompromised()).as("first or last line").isTrue();
			}
		}
	}

	private static String passwordOf(String hash) {
		for (int i = 0; i < 50_000; i++) {
			if (Sha1.hex("password" + i).equals(hash)) {
				return "password" + i;
			}
		}
		throw new AssertionError(hash);
	}

	@Test
	void plainHashLinesInLowerCaseWork() throws IOException {
		List<String> lines = new ArrayList<>();
		for (String password : List.of("alpha-one", "bravo-two", "charlie-three", "delta-four")) {
			lines.add(Sha1.hex(password).toLowerCase(Locale.ROOT));
		}
		lines.sort(null);
		try (Sha1HashFile corpus = new Sha1HashFile(write(lines))) {
			assertThat(corpus.check("alpha-one").isCompromised()).isTrue();
			assertThat(corpus.check("delta-four").isCompromised()).isTrue();
			assertThat(corpus.check("echo-five").isCompromised()).isFalse();
		}
	}

	@Test
	void anEmptyFileHasNothing() throws IOException {
		try (Sha1HashFile corpus = new Sha1HashFile(write(List.of()))) {
			assertThat(corpus.check("anything").isCompromised()).isFalse();
		}
	}

	@Test
	void anUnsortedFileIsRefusedWhenOpened() throws IOException {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			lines.add(Sha1.hex("password" + i) + ":1");
		}
		Path file = write(lines);
		assertThatThrownBy(() -> new Sha1HashFile(file)).hasMessageContaining("is not sorted");
	}

	@Test
	void aFileOfSomethingElseIsRefusedWhenOpened() throws IOException {
		Path file = write(List.of("password1", "password2"));
		assertThatThrownBy(() -> new Sha1HashFile(file)).hasMessageContaining("Cannot read the breached password file");
		assertThatThrownBy(() -> new Sha1HashFile(dir.resolve("missing.txt")))
			.hasMessageContaining("Cannot read the breached password file");
	}
}
