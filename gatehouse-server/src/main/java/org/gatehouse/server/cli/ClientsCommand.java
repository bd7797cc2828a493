package org.gatehouse.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gatehouse.oidc.CreatedOidcClient;
import org.gatehouse.oidc.InvalidOidcClientException;
import org.gatehouse.oidc.NewOidcClient;
import org.gatehouse.oidc.OidcClient;
import org.gatehouse.oidc.OidcClients;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** OpenID Connect clients (relying parties) through the same service as the admin API: validation and audit. */
@Command(name = "clients", description = "Register, list and delete OpenID Connect clients.",
		subcommands = { ClientsCommand.Create.class, ClientsCommand.ListClients.class, ClientsCommand.Delete.class })
public class ClientsCommand extends CommandGroup {

	static OidcClients service(Beans beans) {
		try {
			return beans.get(OidcClients.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new CliException(1, CliMessages.get("cli.oidc.off"));
		}
	}

	@Command(name = "create", description = "Register a client; a confidential client's secret is shown once.")
	static class Create implements Callable<Integer> {

		private final Beans beans;

		@Parameters(index = "0", description = "Name shown on the consent page")
		String name;

		@Option(names = "--redirect-uri", required = true, arity = "1..*", description = "Redirect URI (exact match), repeatable")
		List<String> redirectUris = new ArrayList<>();

		@Option(names = "--post-logout-redirect-uri", arity = "1..*", description = "Where RP-initiated logout may return to")
		List<String> postLogoutRedirectUris = new ArrayList<>();

		@Option(names = "--public", description = "No secret (browser or native app); PKCE required")
		boolean publicClient;

		@Option(names = "--scopes", arity = "1..*", description = "Allowed scopes (default: openid profile email)")
		List<String> scopes = new ArrayList<>();

		@Option(names = "--skip-consent", description = "Users are not asked to approve the scopes")
		boolean skipConsent;

		@Option(names = "--backchannel-logout-uri", description = "Receives OIDC back-channel logout tokens")
		String backchannelLogoutUri;

		Create(Beans beans) {
			this.beans = beans;
		}

		@Override
		public Integer call() {
			CreatedOidcClient created;
			try {
				created = service(beans).create(new NewOidcClient(name, redirectUris, postLogoutRedirectUris,
						publicClient, scopes, skipConsent, backchannelLogoutUri), null);
			}
			catch (InvalidOidcClientException ex) {
				throw new CliException(2, ex.getMessage());
			}
			System.out.println(CliMessages.get("cli.oidc.client-created", created.client().name()));
			System.out.println("client_id: " + created.client().clientId());
			if (created.clientSecret() != null) {
				System.out.println("client_secret: " + created.clientSecret());
				System.out.println(CliMessages.get("cli.oidc.secret-once"));
			}
			return 0;
		}
	}

	@Command(name = "list", description = "List the registered clients.")
	static class ListClients implements Callable<Integer> {

		private final Beans beans;

		ListClients(Beans beans) {
			this.beans = beans;
		}

		@Override
		public Integer call() {
			for (OidcClient client : service(beans).list()) {
				System.out.println(String.join("\t", client.clientId(), client.name(),
						client.publicClient() ? "public" : "confidential", String.join(" ", client.scopes()),
						String.join(" ", client.redirectUris())));
			}
			return 0;
		}
	}

	@Command(name = "delete", description = "Delete a client with every token and consent given to it.")
	static class Delete implements Callable<Integer> {

		private final Beans beans;

		@Parameters(index = "0", description = "Name or client id")
		String client;

		Delete(Beans beans) {
			this.beans = beans;
		}

		@Override
		public Integer call() {
			if (!service(beans).delete(client, null)) {
				throw new CliException(1, CliMessages.get("cli.oidc.no-client", client));
			}
			System.out.println(CliMessages.get("cli.oidc.client-deleted", client));
			return 0;
		}
	}
}
