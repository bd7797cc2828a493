package org.gatehouse.server.cli;

import java.util.concurrent.Callable;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.mfa.MfaAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "mfa-reset", description = "Remove every second factor of an account (authenticator app, recovery "
		+ "codes, security keys and passkeys), e.g. after a lost phone: its sessions end, the user is mailed, the "
		+ "audit log records it.")
public class MfaResetCommand implements Callable<Integer> {

	private final Beans beans;

	@Parameters(index = "0", description = "Email or username")
	String login;

	MfaResetCommand(Beans beans) {
		this.beans = beans;
	}

	@Override
	public Integer call() {
		User user = beans.get(UserStore.class).findByLogin(login).orElse(null);
		if (user == null) {
			System.err.println(CliMessages.get("cli.user.none", login));
			return 1;
		}
		beans.get(MfaAccount.class).reset(user.id(), null);
		System.out.println(CliMessages.get("cli.user.mfa-reset", user.email()));
		return 0;
	}
}
