package org.gatehouse.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;

@Command(name = "gatehouse-server", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = RootCommand.Version.class,
		resourceBundle = CliMessages.BUNDLE, // texts in the process's language; the English ones below are the fallback
		description = "Gatehouse accounts server. Without a command (or with only --key=value settings), serves HTTP.",
		subcommands = { UsersCommand.class, RolesCommand.class, SecretKeyCommand.class, TasksCommand.class,
				HashCommand.class, VerifyCommand.class, MigrateCommand.class, ClientsCommand.class, OidcCommand.class,
				picocli.CommandLine.HelpCommand.class },
		exitCodeListHeading = "Exit codes:%n",
		exitCodeList = { "0:done", "1:the action failed (e.g. no such user, the database is unreachable)",
				"2:usage or input error (unknown command, missing argument, no or refused password)" })
public class RootCommand extends CommandGroup {

	/** The version from the jar's manifest. */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = RootCommand.class.getPackage().getImplementationVersion();
			return new String[] { "Gatehouse server " + (version == null ? "(development build)" : version) };
		}
	}
}
