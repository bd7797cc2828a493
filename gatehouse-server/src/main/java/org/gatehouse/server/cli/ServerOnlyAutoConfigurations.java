package org.gatehouse.server.cli;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out, when the server's application runs without a web server (the command line's context:
 * {@code spring.main.web-application-type=none}), the auto-configurations that only serve a running server's
 * operators: actuator endpoints, health contributors, metrics and observations. Nothing reads them in a command
 * that runs for a second (the server exposes them only over HTTP, JMX is off), yet building them loaded some
 * thousand classes per command. Gatehouse reads a {@code MeterRegistry} only when there is one.
 */
public final class ServerOnlyAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware {

	static final String WEB_APPLICATION_TYPE = "spring.main.web-application-type";

	private static final List<String> PACKAGES = List.of("org.springframework.boot.actuate.autoconfigure.",
			"org.springframework.boot.health.autoconfigure.", "org.springframework.boot.micrometer.",
			"org.springdoc.");

	private static final List<String> SUB_PACKAGES = List.of(".autoconfigure.metrics.", ".autoconfigure.health.",
			".autoconfigure.observation.");

	private boolean withoutWebServer;

	@Override
	public void setEnvironment(Environment environment) {
		withoutWebServer = "none".equalsIgnoreCase(environment.getProperty(WEB_APPLICATION_TYPE, ""));
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean[] match = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < match.length; i++) {
			String name = autoConfigurationClasses[i];
			match[i] = name == null || !withoutWebServer || !serverOnly(name);
		}
		return match;
	}

	static boolean serverOnly(String autoConfiguration) {
		return PACKAGES.stream().anyMatch(autoConfiguration::startsWith)
				|| SUB_PACKAGES.stream().anyMatch(autoConfiguration::contains);
	}
}
