package org.gatehouse.server.cli;

import java.util.concurrent.Callable;

import org.gatehouse.oidc.SigningKeys;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import picocli.CommandLine.Command;

/** The OpenID Connect provider's keys. */
@Command(name = "oidc", description = "OpenID Connect provider tools.", subcommands = OidcCommand.RotateKey.class)
public class OidcCommand extends CommandGroup {

	@Command(name = "rotate-key", description = "Sign with a new key; the old one stays published until its tokens expire.")
	static class RotateKey implements Callable<Integer> {

		private final Beans beans;

		RotateKey(Beans beans) {
			this.beans = beans;
		}

		@Override
		public Integer call() {
			SigningKeys keys;
			try {
				keys = beans.get(SigningKeys.class);
			}
			catch (NoSuchBeanDefinitionException ex) {
				throw new CliException(1, CliMessages.get("cli.oidc.off"));
			}
			System.out.println(CliMessages.get("cli.oidc.key-rotated", keys.rotate(null)));
			return 0;
		}
	}
}
