package org.gatehouse.server.cli;

import java.security.SecureRandom;
import java.util.Base64;

import picocli.CommandLine.Command;

@Command(name = "secret-key", description = "Secret key tools.", subcommands = SecretKeyCommand.Generate.class)
public class SecretKeyCommand extends CommandGroup {

	@Command(name = "generate", description = "Print a new random secret key (48 bytes, base64url) for GATEHOUSE_SECRET_KEY.")
	static class Generate implements Runnable {

		@Override
		public void run() {
			byte[] key = new byte[48];
			new SecureRandom().nextBytes(key);
			System.out.println(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
		}
	}
}
