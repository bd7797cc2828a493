package org.gatehouse.server.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups sub-commands: given alone it is a usage error (exit 2). */
abstract class CommandGroup implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(spec.commandLine(),
				CliMessages.get("cli.missing-command", String.join(", ", spec.subcommands().keySet())));
	}
}
