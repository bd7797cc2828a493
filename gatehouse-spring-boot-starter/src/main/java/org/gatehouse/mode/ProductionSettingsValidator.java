package org.gatehouse.mode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.gatehouse.redis.RedisUse;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.HttpProperties;
import org.gatehouse.mail.MailProperties;
import org.gatehouse.crypto.SecretKeyStrength;
import org.gatehouse.crypto.SecretKeys;

/**
 * Refuses to start in production mode with unsafe settings. Runs as a bean factory
 * post-processor so it fails before any other bean, the database or the web server starts.
 */
public class ProductionSettingsValidator implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

	static final int MINIMUM_SECRET_KEY_BYTES = 32;

	/** Values copied from examples and tutorials, compared lower-case with everything but letters and digits removed. */
	private static final Set<String> PLACEHOLDERS = Set.of("putalongrandomvaluehere", "changeme", "changeit",
			"changethis", "replaceme", "secret", "secretkey", "mysecretkey", "yoursecretkey", "development", "dev",
			"insecure", "password", "test", "todo", "default", "example", "xxx");
	private static final String GENERATE_HINT = "set it to at least 32 random bytes, e.g. `openssl rand -base64 48`";
	private static final String SECRET_KEY = "gatehouse.secret-key (GATEHOUSE_SECRET_KEY)";
	private static final String FALLBACKS = "gatehouse.secret-key-fallbacks (GATEHOUSE_SECRET_KEY_FALLBACKS)";
	private static final String ALLOWED_HOSTS_KEY = "gatehouse.http.allowed-hosts";
	private static final String ALLOWED_HOSTS = ALLOWED_HOSTS_KEY + " (GATEHOUSE_HTTP_ALLOWED_HOSTS)";
	private static final String LINK_BASE_URL = "gatehouse.mail.link-base-url (GATEHOUSE_MAIL_LINK_BASE_URL)";
	private static final String REDIS_URL = "gatehouse.session.redis-url (GATEHOUSE_SESSION_REDIS_URL)";
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
		Binder binder = Binder.get(environment);
		GatehouseProperties properties = binder.bind("gatehouse", GatehouseProperties.class)
				.orElseGet(GatehouseProperties::new);
		if (!properties.isProduction()) {
			return;
		}
		// every problem in one refusal, so an operator fixes them in one round
		List<String> problems = problems(properties, binder);
		redisWithoutAuthentication(properties, environment).ifPresent(problems::add);
		if (!problems.isEmpty()) {
			throw new InsecureProductionSettingsException(problems);
		}
	}

	static void validate(GatehouseProperties properties, Binder binder) {
		if (!properties.isProduction()) {
			return;
		}
		List<String> problems = problems(properties, binder);
		if (!problems.isEmpty()) {
			throw new InsecureProductionSettingsException(problems);
		}
	}

	private static List<String> problems(GatehouseProperties properties, Binder binder) {
		List<String> problems = problems(properties,
				binder.bind("gatehouse.http", HttpProperties.class).orElseGet(HttpProperties::new));
		allowedHostsNotChosenProblem(binder).ifPresent(problems::add);
		linkBaseUrlProblem(binder.bind("gatehouse.mail", MailProperties.class).orElseGet(MailProperties::new))
			.ifPresent(problems::add);
		problems.addAll(SingleSignOnSettings.problems(properties, binder));
		return problems;
	}

	static List<String> problems(GatehouseProperties properties, HttpProperties http) {
		List<String> problems = new ArrayList<>();
		secretKeyProblem(properties).ifPresent(problems::add);
		String key = properties.getSecretKey();
		if (key != null && properties.getSecretKeyFallbacks().contains(key)) {
			problems.add(SECRET_KEY + " is also listed in " + FALLBACKS
					+ ": after a rotation the fallbacks hold only the previous keys");
		}
		List<String> hosts = http.getAllowedHosts();
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

	/**
	 * Redis holds the sessions (and, with it, the login counters): whoever reaches an unauthenticated Redis can read,
	 * forge or delete every session. Spring's own settings count too, as they are what the connection uses.
	 */
	static void refuseRedisWithoutAuthentication(GatehouseProperties properties, PropertyResolver environment) {
		if (properties.isProduction()) {
			redisWithoutAuthentication(properties, environment)
				.ifPresent(problem -> {
					throw new InsecureProductionSettingsException(List.of(problem));
				});
		}
	}

	static Optional<String> redisWithoutAuthentication(GatehouseProperties properties, PropertyResolver environment) {
		RedisUse redis = RedisUse.of(properties);
		if (!redis.inUse() || !environment.getProperty("spring.data.redis.password", "").isEmpty()) {
			return Optional.empty();
		}
		// Gatehouse's own connection uses its URL; without one, the application's connection is used
		String url = redis.ownConnection() ? redis.url() : environment.getProperty("spring.data.redis.url", "");
		if (hasPassword(url)) {
			return Optional.empty();
		}
		return Optional.of(REDIS_URL + " connects to Redis without a password: anyone who can reach it can read and "
				+ "forge sessions; give Redis a password (requirepass or an ACL user) and put it in the URL, e.g. "
				+ "`rediss://gatehouse:PASSWORD@redis.internal:6380/0` (rediss = TLS), or set spring.data.redis.password");
	}

	private static boolean hasPassword(String url) {
		if (url.isEmpty()) {
			return false;
		}
		try {
			String userInfo = URI.create(url).getRawUserInfo();
			// redis://user:password@host, redis://:password@host, or redis://password@host (password only)
			return userInfo != null && !userInfo.substring(userInfo.indexOf(':') + 1).isEmpty();
		}
		catch (IllegalArgumentException malformed) {
			return false;
		}
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
		return guessableSecretKeyProblem(key);
	}

	private static Optional<String> guessableSecretKeyProblem(String key) {
		double bits = SecretKeyStrength.estimatedBits(key);
		if (bits >= SecretKeyStrength.MINIMUM_BITS) {
			return Optional.empty();
		}
		return Optional.of(String.format(Locale.ROOT, "%s is guessable: about %.0f bits of entropy where %.0f are needed "
				+ "(repeated, sequential or dictionary text is not random): %s", SECRET_KEY, bits,
				SecretKeyStrength.MINIMUM_BITS, GENERATE_HINT));
	}

	/**
	 * The built-in allowed hosts (localhost, 127.0.0.1, [::1]) suit a developer machine only; a
	 * production instance must say which names it answers to, and mailed links are built on them.
	 */
	private static Optional<String> allowedHostsNotChosenProblem(Binder binder) {
		boolean chosen = binder.bind(ALLOWED_HOSTS_KEY, Bindable.listOf(String.class)).isBound();
		if (chosen) {
			return Optional.empty();
		}
		return Optional.of(ALLOWED_HOSTS + " is not set (the built-in localhost list is for development): "
				+ "list the host names this service answers to, e.g. `auth.example.org`");
	}

	/** Links in mails carry reset and confirmation tokens: in production they must never point at plain HTTP. */
	private static Optional<String> linkBaseUrlProblem(MailProperties mail) {
		String url = mail.getLinkBaseUrl();
		if (url == null || url.isBlank() || url.strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
			return Optional.empty();
		}
		return Optional.of(LINK_BASE_URL + " is not an https:// URL: mailed links carry reset and confirmation "
				+ "tokens; set it to the public HTTPS address, e.g. `https://auth.example.org`");
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
