package org.gatehouse.server.cli;

import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Picocli's usage errors in the process's language: the common ones from the bundle, rare ones as picocli words them. */
final class UsageErrors {

	private UsageErrors() {
	}

	static String message(ParameterException ex, String[] args) {
		if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
			List<ArgSpec> specs = missing.getMissing();
			return CliMessages.get("cli.missing-parameter", specs.size(),
					specs.stream().map(UsageErrors::name).collect(Collectors.joining(", ")));
		}
		if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
			List<String> words = unmatched.getUnmatched();
			// picocli stops at the first word it cannot place: the rest of the arguments
			int index = Math.max(0, args.length - words.size());
			return CliMessages.get("cli.unmatched", words.size(), String.valueOf(index),
					words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", ")));
		}
		return ex.getMessage();
	}

	private static String name(ArgSpec spec) {
		if (spec instanceof OptionSpec option) {
			return "'" + option.longestName() + "'";
		}
		return "'" + ((PositionalParamSpec) spec).paramLabel() + "'";
	}
}
