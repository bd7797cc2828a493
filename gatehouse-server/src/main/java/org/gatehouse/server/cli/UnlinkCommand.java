package org.gatehouse.server.cli;

import java.util.concurrent.Callable;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.login.external.ExternalAccounts;
import org.gatehouse.login.external.IdentityLinks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Unlinks an identity with the administrators' rule, through the service of the pages and the JSON API. */
@Command(name = "unlink", description = "Unlink an account's identity at an external sign-in provider and delete "
		+ "its stored tokens, even the last way to sign in (the user can still reset the password by email).")
public class UnlinkCommand implements Callable<Integer> {

	private final Beans beans;

	@Parameters(index = "0", description = "Email or username")
	String login;

	@Parameters(index = "1", description = "Provider name as configured, e.g. orcid")
	String provider;

	UnlinkCommand(Beans beans) {
		this.beans = beans;
	}

	@Override
	public Integer call() {
		IdentityLinks links = IdentitiesCommand.service(beans);
		User user = UsersCommand.find(beans.get(UserStore.class), login);
		if (user == null) {
			return 1;
		}
		if (links.unlinkByAdmin(null, user.id(), provider) != ExternalAccounts.UnlinkOutcome.UNLINKED) {
			throw new CliException(1, CliMessages.get("cli.external.not-linked", provider, user.email()));
		}
		System.out.println(CliMessages.get("cli.external.unlinked", provider, user.email()));
		return 0;
	}
}
