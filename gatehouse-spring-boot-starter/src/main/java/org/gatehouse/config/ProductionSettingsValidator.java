package org.gatehouse.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start in production mode with unsafe settings. Runs as a bean factory
 * post-processor so it fails before any other bean, the database or the web server starts.
 */
@Component
public class ProductionSettingsValidator implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

	static final int MINIMUM_SECRET_KEY_BYTES = 32;

	/** Values copied from examples and tutorials, compared lower-case with everything but letters and digits removed. */
	private static final Set<String> PLACEHOLDERS = Set.of("putalongrandomvaluehere", "changeme", "changeit",
			"changethis", "replaceme", "secret", "secretkey", "mysecretkey", "yoursecretkey", "development", "dev",
			"insecure", "password", "test", "todo", "default", "example", "xxx");
	private static final String GENERATE_HINT = "set it to at least 32 random bytes, e.g. `openssl rand -base64 48`";
	private static final String SECRET_KEY = "gatehouse.secret-key (GATEHOUSE_SECRET_KEY)";
	private static final String FALLBACKS = "gatehouse.secret-key-fallbacks (GATEHOUSE_SECRET_KEY_FALLBACKS)";
	private static final String ALLOWED_HOSTS = "gatehouse.http.allowed-hosts (GATEHOUSE_HTTP_ALLOWED_HOSTS)";
	private static final String COOKIE_SECURE = "gatehouse.session.cookie.secure (GATEHOUSE_SESSION_COOKIE_SECURE)";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		GatehouseProperties properties = Binder.get(environment)
				.bind("gatehouse", GatehouseProperties.class)
				.orElseGet(GatehouseProperties::new);
		validate(properties);
	}

	static void validate(GatehouseProperties properties) {
		if (!properties.isProduction()) {
			return;
		}
		List<String> problems = problems(properties);
		if (!problems.isEmpty()) {
			throw new InsecureProductionSettingsException(problems);
		}
	}

	static List<String> problems(GatehouseProperties properties) {
		List<String> problems = new ArrayList<>();
		secretKeyProblem(properties).ifPresent(problems::add);
		String key = properties.getSecretKey();
		if (key != null && properties.getSecretKeyFallbacks().contains(key)) {
			problems.add(SECRET_KEY + " is also listed in " + FALLBACKS
					+ ": after a rotation the fallbacks hold only the previous keys");
		}
		List<String> hosts = properties.getHttp().getAllowedHosts();
		if (hosts == null || hosts.stream().allMatch(host -> host == null || host.isBlank())) {
			problems.add(ALLOWED_HOSTS + " is empty: list the host names this service answers to, e.g. `auth.example.org`");
		}
		else if (hosts.stream().anyMatch(host -> host != null && host.strip().equals("*"))) {
			problems.add(ALLOWED_HOSTS + " contains `*`, which accepts any Host header: list the host names explicitly");
		}
		if (Boolean.FALSE.equals(properties.getSession().getCookie().getSecure())) {
			problems.add(COOKIE_SECURE + " is false: session cookies must be Secure (HTTPS only) in production; "
					+ "remove the setting or set it to true");
		}
		return problems;
	}

	private static Optional<String> secretKeyProblem(GatehouseProperties properties) {
		String key = properties.getSecretKey();
		if (key == null || key.isBlank()) {
			return Optional.of(SECRET_KEY + " is missing: " + GENERATE_HINT);
		}
		if (isPlaceholder(key)) {
			return Optional.of(SECRET_KEY + " is a well-known placeholder value: " + GENERATE_HINT);
		}
		Path developmentKeyFile = SecretKeys.generatedKeyFile(properties);
		if (key.strip().equals(developmentKey(developmentKeyFile))) {
			return Optional.of(SECRET_KEY + " is the generated development key from " + developmentKeyFile
					+ ": " + GENERATE_HINT);
		}
		int length = key.getBytes(StandardCharsets.UTF_8).length;
		if (length < MINIMUM_SECRET_KEY_BYTES) {
			return Optional.of(SECRET_KEY + " is only " + length + " bytes long: " + GENERATE_HINT);
		}
		return Optional.empty();
	}

	private static boolean isPlaceholder(String key) {
		String letters = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return PLACEHOLDERS.contains(letters) || key.strip().toLowerCase(Locale.ROOT).startsWith("django-insecure");
	}

	private static String developmentKey(Path file) {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}
}
