package org.gatehouse.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a password from the terminal without echo, or one line from standard input; never from
 * arguments. A new password typed on a terminal is asked twice. Problems are {@link CliException}s
 * with exit code 2: one line on standard error, no stack trace.
 */
final class PasswordInput {

	/** Reads a password without echo; null at end of input. */
	interface Terminal {

		char[] readPassword(String prompt);
	}

	/** The terminal, or null when standard input is not one; tests replace it. */
	static Terminal terminal = terminal();

	private PasswordInput() {
	}

	private static Terminal terminal() {
		Console console = System.console();
		return console == null ? null : prompt -> console.readPassword("%s", prompt);
	}

	/** A password to check, asked once. */
	static String read() {
		return terminal != null ? fromTerminal(CliMessages.get("cli.password.prompt")) : fromStandardInput();
	}

	/** A password to set: on a terminal asked twice, and the two must be the same. */
	static String readNew() {
		if (terminal == null) {
			return fromStandardInput();
		}
		String first = fromTerminal(CliMessages.get("cli.password.prompt"));
		String again = fromTerminal(CliMessages.get("cli.password.repeat"));
		if (!first.equals(again)) {
			throw new CliException(2, CliMessages.get("cli.password.differ"));
		}
		return first;
	}

	private static String fromTerminal(String prompt) {
		char[] typed = terminal.readPassword(prompt);
		if (typed == null || typed.length == 0) {
			throw new CliException(2, CliMessages.get("cli.password.none"));
		}
		String password = new String(typed);
		Arrays.fill(typed, '\0');
		return password;
	}

	private static String fromStandardInput() {
		String line;
		try {
			line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		}
		catch (IOException ex) {
			throw new CliException(2, CliMessages.get("cli.password.unreadable", ex.getMessage()));
		}
		if (line == null || line.isEmpty()) {
			throw new CliException(2, CliMessages.get("cli.password.none-on-standard-input"));
		}
		return line;
	}
}
