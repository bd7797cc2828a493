package org.gatehouse.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ready-to-run accounts server: the starter plus defaults and a command line. */
@SpringBootApplication
public class GatehouseServer {

	public static void main(String[] args) {
		SpringApplication.run(GatehouseServer.class, args);
	}
}
