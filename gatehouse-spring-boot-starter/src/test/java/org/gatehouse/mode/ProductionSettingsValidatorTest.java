package org.gatehouse.mode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.HttpProperties;
import org.gatehouse.crypto.SecretKeys;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionSettingsValidatorTest {

	private static final String GOOD_KEY = "kV8q3Zr1x7Wm2Pn5Ls9Td4Hy6Bf0Jc8Ue3Ga1Qo7Ri5";

	@TempDir
	Path dataDirectory;

	private ApplicationContextRunner production() {
		return new ApplicationContextRunner()
				.withUserConfiguration(PropertiesConfiguration.class, ProductionSettingsValidator.class, SecretKeys.class)
				.withPropertyValues("gatehouse.mode=production", "gatehouse.data-directory=" + dataDirectory,
						"gatehouse.http.allowed-hosts=auth.example.org");
	}

	private ApplicationContextRunner productionWithoutAllowedHosts() {
		return new ApplicationContextRunner()
				.withUserConfiguration(PropertiesConfiguration.class, ProductionSettingsValidator.class)
				.withPropertyValues("gatehouse.mode=production", "gatehouse.data-directory=" + dataDirectory,
						"gatehouse.secret-key=" + GOOD_KEY);
	}

	@Test
	void validProductionSettingsStart() {
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY)
				.run(context -> assertThat(context).hasNotFailed().hasSingleBean(SecretKeys.class));
	}

	@Test
	void developmentModeAcceptsDefaults() {
		new ApplicationContextRunner()
				.withUserConfiguration(PropertiesConfiguration.class, ProductionSettingsValidator.class)
				.withPropertyValues("gatehouse.http.allowed-hosts=*", "gatehouse.session.cookie.secure=false")
				.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void missingSecretKey() {
		production().run(context -> assertProblems(context,
				"gatehouse.secret-key (GATEHOUSE_SECRET_KEY) is missing: set it to at least 32 random bytes, "
						+ "e.g. `openssl rand -base64 48`"));
	}

	@Test
	void shortSecretKey() {
		production().withPropertyValues("gatehouse.secret-key=" + "x7Qp2".repeat(6))
				.run(context -> assertProblems(context,
						"gatehouse.secret-key (GATEHOUSE_SECRET_KEY) is only 30 bytes long: set it to at least 32 random bytes, "
								+ "e.g. `openssl rand -base64 48`"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "..put a long random value here..", "changeme", "CHANGE_ME", "secret", "development",
			"Change-Me!", "django-insecure-+3^k9w@l2b(1m8f#z!q5x0v7c&j4n6h*r_t=y)u-s%e$a", "YOUR_SECRET_KEY" })
	void placeholderSecretKey(String placeholder) {
		production().withPropertyValues("gatehouse.secret-key=" + placeholder)
				.run(context -> assertProblems(context,
						"gatehouse.secret-key (GATEHOUSE_SECRET_KEY) is a well-known placeholder value: set it to at least "
								+ "32 random bytes, e.g. `openssl rand -base64 48`"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "changemechangemechangemechangeme", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			"0123456789abcdef0123456789abcdef", "Password1Password1Password1Password1",
			"qwertyuiopasdfghjklzxcvbnm123456", "the quick brown fox jumps over the lazy dog",
			"thisismysecretkeyforthegatehouseserver", "correct horse battery staple is my secret",
			"test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz" })
	void lowEntropySecretKey(String key) {
		production().withPropertyValues("gatehouse.secret-key=" + key)
				.run(context -> assertProblems(context, "gatehouse.secret-key (GATEHOUSE_SECRET_KEY) is guessable: about "));
	}

	/** Every format a generator prints: {@code secret-key generate}, {@code openssl rand -hex/-base64}, Python's secrets. */
	@Test
	void randomKeysOf32BytesOrMorePassTheEntropyEstimate() {
		SecureRandom random = new SecureRandom();
		List<Function<byte[], String>> formats = List.of(HexFormat.of()::formatHex,
				HexFormat.of().withUpperCase()::formatHex, Base64.getEncoder()::encodeToString,
				Base64.getUrlEncoder().withoutPadding()::encodeToString);
		GatehouseProperties properties = new GatehouseProperties();
		properties.setDataDirectory(dataDirectory);
		for (int i = 0; i < 100; i++) {
			byte[] bytes = new byte[i % 2 == 0 ? 32 : 48];
			random.nextBytes(bytes);
			String key = formats.get(i % formats.size()).apply(bytes);
			properties.setSecretKey(key);

			assertThat(ProductionSettingsValidator.problems(properties, new HttpProperties())).as(key).isEmpty();
		}
	}

	@Test
	void allowedHostsLeftAtTheDevelopmentDefault() {
		productionWithoutAllowedHosts()
				.run(context -> assertProblems(context, "gatehouse.http.allowed-hosts (GATEHOUSE_HTTP_ALLOWED_HOSTS) is "
						+ "not set (the built-in localhost list is for development): list the host names this service "
						+ "answers to, e.g. `auth.example.org`"));
	}

	@Test
	void allowedHostsChosenThroughTheEnvironment() {
		productionWithoutAllowedHosts()
				.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("GATEHOUSE_HTTP_ALLOWED_HOSTS", "auth.example.org"))))
				.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void plainHttpLinkBaseUrl() {
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY,
				"gatehouse.mail.link-base-url=http://auth.example.org")
				.run(context -> assertProblems(context,
						"gatehouse.mail.link-base-url (GATEHOUSE_MAIL_LINK_BASE_URL) is not an https:// URL"));
	}

	@Test
	void generatedDevelopmentKey() throws Exception {
		Files.writeString(dataDirectory.resolve("secret-key"), GOOD_KEY + "\n");

		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY)
				.run(context -> assertProblems(context, "gatehouse.secret-key (GATEHOUSE_SECRET_KEY) is the generated "
						+ "development key from " + dataDirectory.resolve("secret-key")));
	}

	@Test
	void secretKeyAlsoAFallback() {
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY,
				"gatehouse.secret-key-fallbacks=older-key-older-key-older-key-older-key," + GOOD_KEY)
				.run(context -> assertProblems(context, "gatehouse.secret-key (GATEHOUSE_SECRET_KEY) is also listed in "
						+ "gatehouse.secret-key-fallbacks (GATEHOUSE_SECRET_KEY_FALLBACKS)"));
	}

	@Test
	void emptyAllowedHosts() {
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY, "gatehouse.http.allowed-hosts=")
				.run(context -> assertProblems(context,
						"gatehouse.http.allowed-hosts (GATEHOUSE_HTTP_ALLOWED_HOSTS) is empty"));
	}

	@Test
	void wildcardAllowedHost() {
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY, "gatehouse.http.allowed-hosts=auth.example.org,*")
				.run(context -> assertProblems(context,
						"gatehouse.http.allowed-hosts (GATEHOUSE_HTTP_ALLOWED_HOSTS) contains `*`"));
	}

	@Test
	void insecureSessionCookie() {
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY, "gatehouse.session.cookie.secure=false")
				.run(context -> assertProblems(context,
						"gatehouse.session.cookie.secure (GATEHOUSE_SESSION_COOKIE_SECURE) is false"));
	}

	@Test
	void theOidcProviderWithoutAnIssuer() {
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY, "gatehouse.features.oidc-provider=true")
				.run(context -> assertProblems(context, "gatehouse.oidc.issuer (GATEHOUSE_OIDC_ISSUER) is not set while "
						+ "gatehouse.features.oidc-provider is on: relying parties pin the issuer, which would otherwise "
						+ "follow each request's Host header; set it to the public HTTPS address relying parties use, "
						+ "e.g. `https://auth.example.org`"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://auth.example.org", "auth.example.org", "HTTPS//auth.example.org" })
	void theOidcProviderWithAnIssuerThatIsNotHttps(String issuer) {
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY, "gatehouse.features.oidc-provider=true",
				"gatehouse.oidc.issuer=" + issuer)
				.run(context -> assertProblems(context,
						"gatehouse.oidc.issuer (GATEHOUSE_OIDC_ISSUER) is not an https:// URL"));
	}

	@Test
	void theOidcProviderWithAnIssuerThatHasAQuery() {
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY, "gatehouse.features.oidc-provider=true",
				"gatehouse.oidc.issuer=https://auth.example.org/?tenant=1")
				.run(context -> assertProblems(context, "gatehouse.oidc.issuer (GATEHOUSE_OIDC_ISSUER) must be a URL "
						+ "with a host and without query or fragment"));
	}

	@Test
	void theOidcProviderWithAnHttpsIssuerStarts() {
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY, "gatehouse.features.oidc-provider=true",
				"gatehouse.oidc.issuer=https://auth.example.org/gatehouse")
				.run(context -> assertThat(context).hasNotFailed());
		// the issuer matters only when Gatehouse is a provider
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY, "gatehouse.oidc.issuer=http://localhost")
				.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void anExternalProviderOnPlainHttp() {
		production().withPropertyValues("gatehouse.secret-key=" + GOOD_KEY,
				"gatehouse.login.providers.idp.issuer-uri=http://idp.example.org/realms/staff",
				"gatehouse.login.providers.orcid.client-id=APP-1",
				"gatehouse.login.providers.gh.preset=github",
				"gatehouse.login.providers.gh.token-uri=http://github.example.org/login/oauth/access_token",
				"gatehouse.login.providers.gh.user-info-uri=https://github.example.org/api/v3/user")
				.run(context -> assertThat(failure(context).getProblems()).containsExactlyInAnyOrder(
						"gatehouse.login.providers.idp.issuer-uri (GATEHOUSE_LOGIN_PROVIDERS_IDP_ISSUER_URI) is not an "
								+ "https:// URL: sign-in codes, tokens and the user's data would cross the network in "
								+ "clear; use the provider's HTTPS address",
						"gatehouse.login.providers.gh.token-uri (GATEHOUSE_LOGIN_PROVIDERS_GH_TOKEN_URI) is not an "
								+ "https:// URL: sign-in codes, tokens and the user's data would cross the network in "
								+ "clear; use the provider's HTTPS address"));
	}

	@Test
	void externalProvidersOnPlainHttpAreForDevelopment() {
		new ApplicationContextRunner()
				.withUserConfiguration(PropertiesConfiguration.class, ProductionSettingsValidator.class)
				.withPropertyValues("gatehouse.login.providers.idp.issuer-uri=http://localhost:9000",
						"gatehouse.features.oidc-provider=true")
				.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void reportsEveryProblemAtOnce() {
		production().withPropertyValues("gatehouse.http.allowed-hosts=*", "gatehouse.session.cookie.secure=false")
				.run(context -> {
					InsecureProductionSettingsException failure = failure(context);
					assertThat(failure.getProblems()).hasSize(3);
					assertThat(failure.getMessage().lines()).hasSize(4);
				});
	}

	@Test
	void environmentVariableNamesInTheMessagesBind() {
		Map<String, Object> variables = Map.of("GATEHOUSE_SECRET_KEY", "changeme",
				"GATEHOUSE_HTTP_ALLOWED_HOSTS", "*", "GATEHOUSE_SESSION_COOKIE_SECURE", "false",
				"GATEHOUSE_MODE", "production");
		new ApplicationContextRunner()
				.withUserConfiguration(PropertiesConfiguration.class, ProductionSettingsValidator.class)
				.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)))
				.run(context -> assertThat(failure(context).getProblems()).hasSize(3));
	}

	@Test
	void failureAnalyzerListsTheProblems() {
		production().run(context -> {
			FailureAnalysis analysis = new InsecureProductionSettingsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("gatehouse.secret-key (GATEHOUSE_SECRET_KEY) is missing");
			assertThat(analysis.getAction()).contains("gatehouse.mode=development");
		});
	}

	private static void assertProblems(AssertableApplicationContext context, String expectedStart) {
		assertThat(failure(context).getProblems()).singleElement().asString().startsWith(expectedStart);
	}

	private static InsecureProductionSettingsException failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (!(failure instanceof InsecureProductionSettingsException) && failure.getCause() != null) {
			failure = failure.getCause();
		}
		assertThat(failure).isInstanceOf(InsecureProductionSettingsException.class);
		return (InsecureProductionSettingsException) failure;
	}

	@EnableConfigurationProperties(GatehouseProperties.class)
	static class PropertiesConfiguration {
	}
}
