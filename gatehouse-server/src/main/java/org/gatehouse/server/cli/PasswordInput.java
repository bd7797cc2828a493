package org.gatehouse.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads a password from the terminal without echo, or one line from standard input; never from arguments. */
final class PasswordInput {

	private PasswordInput() {
	}

	static String read(String prompt) {
		Console console = System.console();
		if (console != null) {
			char[] typed = console.readPassword("%s", prompt);
			if (typed == null) {
				throw new IllegalArgumentException("No password given");
			}
			return new String(typed);
		}
		try {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			if (line == null || line.isEmpty()) {
				throw new IllegalArgumentException("No password on standard input");
			}
			return line;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read the password: " + ex.getMessage(), ex);
		}
	}
}
