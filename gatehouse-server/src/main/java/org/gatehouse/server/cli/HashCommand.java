package org.gatehouse.server.cli;

import java.util.concurrent.Callable;

import org.gatehouse.password.PasswordService;
import picocli.CommandLine.Command;

@Command(name = "hash", description = "Hash a password (read from standard input) with the configured scheme.")
public class HashCommand implements Callable<Integer> {

	private final Beans beans;

	HashCommand(Beans beans) {
		this.beans = beans;
	}

	@Override
	public Integer call() {
		String password = PasswordInput.readNew();
		System.out.println(beans.get(PasswordService.class).hashNew(password));
		return 0;
	}
}
