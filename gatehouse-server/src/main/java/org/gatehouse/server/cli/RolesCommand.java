package org.gatehouse.server.cli;

import java.util.concurrent.Callable;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "roles", description = "Give or take roles.", subcommands = { RolesCommand.Add.class, RolesCommand.Remove.class })
public class RolesCommand {

	@Command(name = "add", description = "Give a user a role (created if new).")
	static class Add implements Callable<Integer> {

		private final UserStore users;

		@Parameters(index = "0", description = "Email or username")
		String login;

		@Parameters(index = "1", description = "Role name, e.g. admin")
		String role;

		Add(UserStore users) {
			this.users = users;
		}

		@Override
		public Integer call() {
			User user = UsersCommand.find(users, login);
			if (user == null) {
				return 1;
			}
			users.addRole(user.id(), role);
			System.out.println(user.email() + " now has role " + role);
			return 0;
		}
	}

	@Command(name = "remove", description = "Take a role from a user.")
	static class Remove implements Callable<Integer> {

		private final UserStore users;

		@Parameters(index = "0", description = "Email or username")
		String login;

		@Parameters(index = "1", description = "Role name")
		String role;

		Remove(UserStore users) {
			this.users = users;
		}

		@Override
		public Integer call() {
			User user = UsersCommand.find(users, login);
			if (user == null) {
				return 1;
			}
			users.removeRole(user.id(), role);
			System.out.println(user.email() + " no longer has role " + role);
			return 0;
		}
	}
}
