package org.gatehouse.server.cli;

import java.util.concurrent.Callable;

import org.gatehouse.tasks.CleanupRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "tasks", description = "Scheduled clean-ups.", subcommands = TasksCommand.Run.class)
public class TasksCommand extends CommandGroup {

	@Command(name = "run", description = "Run a clean-up now by its name, e.g. session-cleaner (an unknown name lists them all).")
	static class Run implements Callable<Integer> {

		private final Beans beans;

		@Parameters(index = "0", description = "Task name")
		String name;

		Run(Beans beans) {
			this.beans = beans;
		}

		@Override
		public Integer call() {
			CleanupRunner runner = beans.get(CleanupRunner.class);
			if (!runner.names().contains(name)) {
				System.err.println(CliMessages.get("cli.task.unknown", name, String.join(", ", runner.names())));
				return 2;
			}
			return runner.run(name).map(count -> {
				System.out.println(CliMessages.get("cli.task.done", name, count));
				return 0;
			}).orElseGet(() -> {
				System.out.println(CliMessages.get("cli.task.skipped", name));
				return 0;
			});
		}
	}
}
