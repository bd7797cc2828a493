package org.gatehouse.server.cli;

import java.util.concurrent.Callable;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "roles", description = "Give or take roles.", subcommands = { RolesCommand.Add.class, RolesCommand.Remove.class })
public class RolesCommand extends CommandGroup {

	/** One role change of one user; the subclasses say which. */
	abstract static class RoleChange implements Callable<Integer> {

		private final Beans beans;

		UserStore users;

		@Parameters(index = "0", description = "Email or username")
		String login;

		@Parameters(index = "1", description = "Role name, e.g. admin")
		String role;

		RoleChange(Beans beans) {
			this.beans = beans;
		}

		abstract String apply(User user);

		@Override
		public Integer call() {
			users = beans.get(UserStore.class);
			User user = UsersCommand.find(users, login);
			if (user == null) {
				return 1;
			}
			System.out.println(apply(user));
			return 0;
		}
	}

	@Command(name = "add", description = "Give a user a role (created if new).")
	static class Add extends RoleChange {

		Add(Beans beans) {
			super(beans);
		}

		@Override
		String apply(User user) {
			users.addRole(user.id(), role);
			return user.email() + " now has role " + role;
		}
	}

	@Command(name = "remove", description = "Take a role from a user.")
	static class Remove extends RoleChange {

		Remove(Beans beans) {
			super(beans);
		}

		@Override
		String apply(User user) {
			users.removeRole(user.id(), role);
			return user.email() + " no longer has role " + role;
		}
	}
}
