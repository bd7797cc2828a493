package org.gatehouse.server.cli;

import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** Runs a command with the application's configuration and database, without the web server. */
public final class GatehouseCli {

	private static final Set<String> COMMANDS = Set.of("users", "roles", "secret-key", "tasks", "hash", "verify",
			"help", "--help", "-h");

	private GatehouseCli() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	public static int run(Class<?> application, String[] args) {
		String[] springArgs = Arrays.stream(args).filter(a -> a.startsWith("--spring.") || a.startsWith("--gatehouse."))
			.toArray(String[]::new);
		String[] commandArgs = Arrays.stream(args).filter(a -> !a.startsWith("--spring.") && !a.startsWith("--gatehouse."))
			.toArray(String[]::new);
		if (needsNoContext(commandArgs)) {
			return new CommandLine(new RootCommand()).execute(commandArgs);
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE).logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=ERROR", "gatehouse.tasks.enabled=false")
			.run(springArgs)) {
			CommandLine.IFactory factory = new SpringCommandFactory(context);
			return new CommandLine(RootCommand.class, factory).execute(commandArgs);
		}
	}

	private static boolean needsNoContext(String[] args) {
		return args.length == 0 || args[0].equals("help") || args[0].startsWith("-")
				|| args[0].equals("secret-key");
	}

	/** Creates commands as Spring beans so they get the application's services injected. */
	private static final class SpringCommandFactory implements CommandLine.IFactory {

		private final ConfigurableApplicationContext context;

		SpringCommandFactory(ConfigurableApplicationContext context) {
			this.context = context;
		}

		@Override
		public <K> K create(Class<K> type) throws Exception {
			try {
				return context.getAutowireCapableBeanFactory().createBean(type);
			}
			catch (Exception ex) {
				return CommandLine.defaultFactory().create(type);
			}
		}
	}
}
