package org.gatehouse.server;

import java.util.Locale;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps the embedded database's TCP port on the loopback interface. The server's default H2 URL
 * has {@code AUTO_SERVER=TRUE} so that the command line can reach the database file while the
 * server holds it: the first process to open it starts a TCP server and the others connect to the
 * address it writes into the lock file. H2 starts that server for "other" hosts and binds it to
 * every interface unless the JVM-wide system property {@code h2.bindAddress} names one, and reads
 * that property once, when its first class loads; an environment post-processor runs before any
 * data source exists, so setting it here is early enough. An explicit {@code -Dh2.bindAddress} wins.
 */
class EmbeddedDatabaseOnLoopback implements EnvironmentPostProcessor, Ordered {

	static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
	static final String LOOPBACK = "127.0.0.1";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url", "");
		boolean autoServer = url.startsWith("jdbc:h2:") && url.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=TRUE");
		if (autoServer && System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
			System.setProperty(BIND_ADDRESS_PROPERTY, LOOPBACK);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
