package org.gatehouse.server.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gatehouse.admin.BanService;
import org.gatehouse.admin.RoleAssignments;
import org.gatehouse.password.PasswordService;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.springframework.dao.DuplicateKeyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", description = "Manage user accounts.",
		subcommands = { UsersCommand.Create.class, UsersCommand.Activate.class, UsersCommand.Deactivate.class,
				ImportCommand.class, UnlockCommand.class, MfaResetCommand.class,
				IdentitiesCommand.class, UnlinkCommand.class })
public class UsersCommand extends CommandGroup {

	static User find(UserStore users, String login) {
		User user = users.findByLogin(login).orElse(null);
		if (user == null) {
			System.err.println(CliMessages.get("cli.user.none", login));
		}
		return user;
	}

	@Command(name = "create", description = "Create a user; the password is read from the terminal or standard input.")
	static class Create implements Callable<Integer> {

		private final Beans beans;

		@Parameters(index = "0", description = "Email address")
		String email;

		@Option(names = "--username", description = "Optional username")
		String username;

		@Option(names = "--role", description = "Role to give, e.g. admin (repeatable)")
		List<String> roles = List.of();

		@Option(names = "--confirmed", description = "Mark the email address as confirmed")
		boolean confirmed;

		Create(Beans beans) {
			this.beans = beans;
		}

		@Override
		public Integer call() {
			if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
				System.err.println(CliMessages.get("cli.user.not-an-email", email));
				return 2;
			}
			if (!roles.stream().map(RoleAssignments::normalize).allMatch(RoleAssignments::isValidName)) {
				System.err.println(CliMessages.get("cli.role.invalid"));
				return 2;
			}
			String password = PasswordInput.readNew();
			UserStore users = beans.get(UserStore.class);
			PasswordService passwords = beans.get(PasswordService.class);
			PasswordService.Screening screening = passwords.screen(password, email, username, Locale.getDefault());
			if (!screening.problems().isEmpty()) {
				System.err.println(CliMessages.get("cli.password.refused", String.join(" ", screening.problems()))); // one line
				return 2;
			}
			screening.notices().forEach(notice -> System.err.println(CliMessages.get("cli.password.notice", notice)));
			long id;
			try {
				id = users.create(email, username, passwords.hashNew(password), confirmed);
			}
			catch (DuplicateKeyException ex) {
				System.err.println(CliMessages.get("cli.user.exists"));
				return 1;
			}
			RoleAssignments assignments = beans.get(RoleAssignments.class);
			roles.forEach(role -> assignments.add(null, id, role));
			System.out.println(roles.isEmpty() ? CliMessages.get("cli.user.created", String.valueOf(id), email)
					: CliMessages.get("cli.user.created-with-roles", String.valueOf(id), email, roles.toString()));
			return 0;
		}
	}

	@Command(name = "activate", description = "Let a user log in again.")
	static class Activate implements Callable<Integer> {

		private final Beans beans;

		@Parameters(index = "0", description = "Email or username")
		String login;

		Activate(Beans beans) {
			this.beans = beans;
		}

		@Override
		public Integer call() {
			UserStore users = beans.get(UserStore.class);
			BanService bans = beans.get(BanService.class);
			User user = find(users, login);
			if (user == null) {
				return 1;
			}
			bans.unban(null, user.id());
			System.out.println(CliMessages.get("cli.user.activated", user.email()));
			return 0;
		}
	}

	@Command(name = "deactivate", description = "Ban a user: no login; all sessions, remember-me logins and API tokens end now.")
	static class Deactivate implements Callable<Integer> {

		private final Beans beans;

		@Parameters(index = "0", description = "Email or username")
		String login;

		Deactivate(Beans beans) {
			this.beans = beans;
		}

		@Override
		public Integer call() {
			UserStore users = beans.get(UserStore.class);
			BanService bans = beans.get(BanService.class);
			User user = find(users, login);
			if (user == null) {
				return 1;
			}
			int sessions = bans.ban(null, user.id());
			System.out.println(CliMessages.get("cli.user.deactivated", user.email(), sessions));
			return 0;
		}
	}
}
