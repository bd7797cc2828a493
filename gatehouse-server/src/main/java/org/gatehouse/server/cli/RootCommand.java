package org.gatehouse.server.cli;

import picocli.CommandLine.Command;

@Command(name = "gatehouse-server", mixinStandardHelpOptions = true,
		description = "Gatehouse accounts server. Without a command, serves HTTP.",
		subcommands = { UsersCommand.class, RolesCommand.class, SecretKeyCommand.class, TasksCommand.class,
				HashCommand.class, VerifyCommand.class, picocli.CommandLine.HelpCommand.class })
public class RootCommand {
}
