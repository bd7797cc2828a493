package org.gatehouse.server.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import picocli.CommandLine;

/**
 * The command line. Picocli parses the arguments first, with no Spring: usage errors, help, version
 * and unknown command words are answered at once. Only a command that needs the application's
 * services starts a non-web Spring context (no web server, no scheduled tasks, no setup link).
 */
public final class GatehouseCli {

	private static final Set<String> HELP_OR_VERSION = Set.of("--help", "--version");

	private GatehouseCli() {
	}

	/**
	 * Whether the arguments are for the command line rather than the server: the server gets none,
	 * or only {@code --key=value} settings; anything else (a command word, a typo, -h, -V) is the CLI's.
	 */
	public static boolean isCommand(String[] args) {
		return Arrays.stream(args).anyMatch(a -> !a.startsWith("--") || HELP_OR_VERSION.contains(a));
	}

	/** Runs a command; the exit code is 0 when done, 1 when the action failed, 2 on a usage or input error. */
	public static int run(Class<?> application, String[] args) {
		return run(args, springArgs -> startContext(application, springArgs));
	}

	/** Runs a command; {@code starter} gets the Spring settings when (and only when) a command needs services. */
	static int run(String[] args, Function<String[], ConfigurableApplicationContext> starter) {
		String[] springArgs = Arrays.stream(args).filter(GatehouseCli::isSetting).toArray(String[]::new);
		String[] commandArgs = Arrays.stream(args).filter(a -> !isSetting(a)).toArray(String[]::new);
		try (Beans beans = Beans.starting(() -> starter.apply(springArgs))) {
			return commandLine(beans).execute(commandArgs);
		}
	}

	/**
	 * The application without a web server (no Tomcat, no security filter chains, no setup link, no legacy-hash
	 * refresh), without what only serves a running server's operators ({@link ServerOnlyAutoConfigurations}) and
	 * without scheduled clean-ups; quiet, as every failure reaches the command as an exception
	 * ({@code --logging.level.root=INFO} shows the log).
	 */
	static ConfigurableApplicationContext startContext(Class<?> application, String[] springArgs) {
		return new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=OFF", "gatehouse.tasks.enabled=false",
					ServerOnlyAutoConfigurations.WEB_APPLICATION_TYPE + "=none")
			.run(springArgs);
	}

	/** The command tree; commands get their services from {@code beans} only when they run. */
	static CommandLine commandLine(Beans beans) {
		CommandLine commandLine = new CommandLine(RootCommand.class, new Factory(beans));
		commandLine.setParameterExceptionHandler(GatehouseCli::usageError);
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
			PrintWriter err = cmd.getErr();
			if (ex instanceof CliException cli) {
				err.println(cli.getMessage());
				err.flush();
				return cli.exitCode();
			}
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
			err.println(CliMessages.get("cli.failed", message.strip().replaceAll("\\s*\\R\\s*", "; ")));
			err.flush();
			return 1;
		});
		return commandLine;
	}

	/**
	 * A usage error: its one-line message, then a "did you mean" for a mistyped word or else the
	 * command's usage; exit code 2.
	 */
	private static int usageError(CommandLine.ParameterException ex, String[] args) {
		CommandLine cmd = ex.getCommandLine();
		PrintWriter err = cmd.getErr();
		err.println(UsageErrors.message(ex, args));
		List<String> close = ex instanceof CommandLine.UnmatchedArgumentException unmatched
				? closeCommands(cmd, unmatched.getUnmatched()) : List.of();
		if (!close.isEmpty()) {
			err.println(CliMessages.get("cli.did-you-mean", close.stream()
				.map(c -> cmd.getCommandSpec().qualifiedName() + " " + c)
				.collect(Collectors.joining(" " + CliMessages.get("cli.or") + " "))));
		}
		else if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
			cmd.usage(err);
		}
		err.flush();
		return cmd.getCommandSpec().exitCodeOnInvalidInput();
	}

	/** The sub-commands a mistyped word was probably meant to be: a typo or two away, or a prefix. */
	static List<String> closeCommands(CommandLine cmd, List<String> unmatched) {
		if (unmatched.isEmpty() || unmatched.get(0).startsWith("-")) {
			return List.of();
		}
		String word = unmatched.get(0).toLowerCase(Locale.ROOT);
		return cmd.getSubcommands().keySet().stream()
			.filter(name -> distance(word, name) <= Math.min(2, name.length() / 3)
					|| word.length() >= 2 && (name.startsWith(word) || word.startsWith(name)))
			.sorted(Comparator.comparingInt(name -> distance(word, name)))
			.toList();
	}

	/** Edits (insert, delete, replace, swap two neighbours) from a to b. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			for (int j = 0; j <= b.length(); j++) {
				if (i == 0 || j == 0) {
					d[i][j] = i + j;
					continue;
				}
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

	/** A Spring setting such as --spring.datasource.url=... or --gatehouse.mode=...: a dotted option name. */
	private static boolean isSetting(String arg) {
		if (!arg.startsWith("--")) {
			return false;
		}
		int eq = arg.indexOf('=');
		return arg.substring(2, eq < 0 ? arg.length() : eq).contains(".");
	}

	/** Gives commands that take {@link Beans} the lazy services; others are made as picocli makes them. */
	private static final class Factory implements CommandLine.IFactory {

		private final Beans beans;

		Factory(Beans beans) {
			this.beans = beans;
		}

		@Override
		public <K> K create(Class<K> type) throws Exception {
			for (Constructor<?> constructor : type.getDeclaredConstructors()) {
				if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Beans.class) {
					constructor.setAccessible(true);
					return type.cast(constructor.newInstance(beans));
				}
			}
			return CommandLine.defaultFactory().create(type);
		}
	}
}
