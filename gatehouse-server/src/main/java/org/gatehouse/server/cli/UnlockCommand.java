package org.gatehouse.server.cli;

import java.util.concurrent.Callable;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.admin.LoginLocks;
import org.gatehouse.throttle.AttemptCounters;
import org.gatehouse.throttle.LoginThrottle;
import org.gatehouse.throttle.MemoryAttemptCounters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unlock", description = "End the login lock of an account (too many failed logins). "
		+ "Reaches running servers only when their throttle counters are in Redis.")
public class UnlockCommand implements Callable<Integer> {

	private final Beans beans;

	@Parameters(index = "0", description = "Email or username")
	String login;

	UnlockCommand(Beans beans) {
		this.beans = beans;
	}

	@Override
	public Integer call() {
		LoginThrottle throttle = beans.get(LoginThrottle.class);
		AttemptCounters counters = beans.get(AttemptCounters.class);
		UserStore users = beans.get(UserStore.class);
		if (counters instanceof MemoryAttemptCounters) {
			System.err.println(CliMessages.get("cli.user.unlock-in-memory"));
			return 1;
		}
		throttle.unlock(login);
		User user = users.findByLogin(login).orElse(null);
		if (user != null) {
			beans.get(LoginLocks.class).unlock(null, user);
		}
		System.out.println(CliMessages.get("cli.user.unlocked", login));
		return 0;
	}
}
