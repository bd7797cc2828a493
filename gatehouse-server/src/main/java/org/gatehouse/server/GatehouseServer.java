package org.gatehouse.server;

import org.gatehouse.server.cli.GatehouseCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The ready-to-run accounts server: the starter plus defaults and a command line.
 * Without arguments (or with only --key=value settings) it serves; anything else goes to the
 * command line, e.g. {@code java -jar gatehouse-server.jar users create ann@example.org}, which
 * parses first and starts a non-web context only for a command that needs one.
 */
@SpringBootApplication
public class GatehouseServer {

	public static void main(String[] args) {
		if (GatehouseCli.isCommand(args)) {
			System.exit(GatehouseCli.run(GatehouseServer.class, args));
		}
		SpringApplication.run(GatehouseServer.class, args);
	}
}
