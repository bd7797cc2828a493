package org.gatehouse.server.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.login.external.IdentityLinks;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The identities at external providers linked to an account, through the service the Accounts page, the admin user
 * page and their JSON endpoints use (audit, tokens deleted with the link).
 */
@Command(name = "identities", description = "List the identities at external sign-in providers (ORCID, GitHub, "
		+ "OpenID Connect) linked to an account.")
public class IdentitiesCommand implements Callable<Integer> {

	private final Beans beans;

	@Parameters(index = "0", description = "Email or username")
	String login;

	IdentitiesCommand(Beans beans) {
		this.beans = beans;
	}

	/** The service; a usage-free failure when external sign-in is not configured (no provider). */
	static IdentityLinks service(Beans beans) {
		try {
			return beans.get(IdentityLinks.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new CliException(1, CliMessages.get("cli.external.off"));
		}
	}

	@Override
	public Integer call() {
		IdentityLinks links = service(beans);
		User user = UsersCommand.find(beans.get(UserStore.class), login);
		if (user == null) {
			return 1;
		}
		List<IdentityLinks.Link> linked = links.of(user.id());
		if (linked.isEmpty()) {
			System.out.println(CliMessages.get("cli.external.none", user.email()));
		}
		for (IdentityLinks.Link link : linked) {
			System.out.println(String.join("\t", link.provider(), link.providerName(), link.subject(),
					link.email() == null ? "-" : link.email(), String.valueOf(link.linkedAt()),
					link.lastUsedAt() == null ? "-" : link.lastUsedAt().toString()));
		}
		return 0;
	}
}
