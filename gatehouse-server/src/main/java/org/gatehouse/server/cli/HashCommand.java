package org.gatehouse.server.cli;

import java.util.concurrent.Callable;

import org.gatehouse.account.PasswordService;
import picocli.CommandLine.Command;

@Command(name = "hash", description = "Hash a password (read from standard input) with the configured scheme.")
public class HashCommand implements Callable<Integer> {

	private final PasswordService passwords;

	public HashCommand(PasswordService passwords) {
		this.passwords = passwords;
	}

	@Override
	public Integer call() {
		System.out.println(passwords.hashNew(PasswordInput.read("Password: ")));
		return 0;
	}
}
