package org.gatehouse.server.cli;

import java.util.concurrent.Callable;

import org.gatehouse.password.PasswordService;
import org.gatehouse.passwords.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = "Check a password (standard input) against a stored hash. "
		+ "Exit 0: match, 1: no match, 2: match but the hash should be upgraded.")
public class VerifyCommand implements Callable<Integer> {

	private final Beans beans;

	@Parameters(index = "0", description = "The stored hash, e.g. $pbkdf2-sha512$...")
	String hash;

	VerifyCommand(Beans beans) {
		this.beans = beans;
	}

	@Override
	public Integer call() {
		String password = PasswordInput.read();
		Verification result = beans.get(PasswordService.class).verify(password, hash);
		System.out.println(CliMessages.get(switch (result) {
			case MATCH -> "cli.verify.match";
			case MATCH_NEEDS_UPGRADE -> "cli.verify.match-needs-upgrade";
			case NO_MATCH -> "cli.verify.no-match";
		}));
		return switch (result) {
			case MATCH -> 0;
			case NO_MATCH -> 1;
			case MATCH_NEEDS_UPGRADE -> 2;
		};
	}
}
