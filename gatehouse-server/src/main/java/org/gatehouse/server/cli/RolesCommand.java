package org.gatehouse.server.cli;

import java.util.concurrent.Callable;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.admin.RoleAssignments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Role changes through the admin pages' service: the same name rule, audit event and session revocation. */
@Command(name = "roles", description = "Give or take roles.", subcommands = { RolesCommand.Add.class, RolesCommand.Remove.class })
public class RolesCommand extends CommandGroup {

	/** One role change of one user; the subclasses say which. */
	abstract static class RoleChange implements Callable<Integer> {

		private final Beans beans;

		RoleAssignments roles;

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
			roles = beans.get(RoleAssignments.class);
			User user = UsersCommand.find(beans.get(UserStore.class), login);
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
			if (!roles.add(null, user.id(), role)) {
				throw new CliException(2, CliMessages.get("cli.role.invalid"));
			}
			return CliMessages.get("cli.role.added", user.email(), RoleAssignments.normalize(role));
		}
	}

	@Command(name = "remove", description = "Take a role from a user; their sessions and remember-me logins end.")
	static class Remove extends RoleChange {

		Remove(Beans beans) {
			super(beans);
		}

		@Override
		String apply(User user) {
			if (!roles.remove(null, user, role)) {
				throw new CliException(1, CliMessages.get("cli.role.not-held"));
			}
			return CliMessages.get("cli.role.removed", user.email(), role);
		}
	}
}
