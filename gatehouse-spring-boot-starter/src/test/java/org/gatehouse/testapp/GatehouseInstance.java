package org.gatehouse.testapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole Gatehouse application on a random port, for tests that need several instances. */
public final class GatehouseInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private GatehouseInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static GatehouseInstance start(Map<String, String> properties) {
		Map<String, String> all = new LinkedHashMap<>(Map.of("server.port", "0", "spring.main.banner-mode", "off",
				"gatehouse.secret-key", "test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
				"gatehouse.passwords.rounds.pbkdf2_sha512", "1000", "gatehouse.mfa.required-roles", ""));
		all.putAll(properties); // a test's own value replaces the default
		List<String> args = new ArrayList<>();
		all.forEach((k, v) -> args.add("--" + k + "=" + v));
		return new GatehouseInstance(new SpringApplicationBuilder(TestApplication.class).run(args.toArray(String[]::new)));
	}

	public String baseUrl() {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}
}
