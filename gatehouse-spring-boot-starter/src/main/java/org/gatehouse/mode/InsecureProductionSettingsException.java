package org.gatehouse.mode;

import java.util.List;

/** Thrown at start-up in production mode when settings are unsafe; lists every problem at once. */
public class InsecureProductionSettingsException extends RuntimeException {

	private final List<String> problems;

	public InsecureProductionSettingsException(List<String> problems) {
		super("Gatehouse refuses to start in production mode (gatehouse.mode=production):"
				+ System.lineSeparator() + " - " + String.join(System.lineSeparator() + " - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> getProblems() {
		return problems;
	}
}
