package org.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.catalina.connector.Connector;
import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.TestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in production mode with TLS terminated by the server itself (a Spring
 * Boot SSL bundle holding a self-signed certificate made when the test starts), plus a second,
 * plain-HTTP connector: what a client sees on each.
 */
@SpringBootTest(classes = { TestApplication.class, ProductionTlsTest.PlainHttpConnector.class }, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.mode=production", "gatehouse.http.allowed-hosts=localhost",
				"gatehouse.data-directory=target/production-tls-test-data",
				"spring.datasource.url=jdbc:h2:mem:gatehouse-tls;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"gatehouse.passwords.rounds.pbkdf2_sha512=1000", "spring.mail.host=127.0.0.1",
				"server.ssl.bundle=gatehouse-test", "spring.ssl.bundle.jks.gatehouse-test.keystore.type=PKCS12" })
class ProductionTlsTest {

	private static final char[] STORE_PASSWORD = "test-keystore-password".toCharArray();
	private static final String PASSWORD = "plum-orbit-lantern-42";
	private static final Pattern CSP_NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");
	private static final Path KEYSTORE = selfSignedKeystore();

	@LocalServerPort
	int httpsPort;

	@Autowired
	ServletWebServerApplicationContext context;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private HttpClient client;

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) {
		byte[] key = new byte[48];
		new SecureRandom().nextBytes(key);
		registry.add("gatehouse.secret-key", () -> Base64.getUrlEncoder().withoutPadding().encodeToString(key));
		registry.add("spring.ssl.bundle.jks.gatehouse-test.keystore.location", () -> "file:" + KEYSTORE);
		registry.add("spring.ssl.bundle.jks.gatehouse-test.keystore.password", () -> new String(STORE_PASSWORD));
	}

	@BeforeEach
	void trustTheTestCertificate() throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(KEYSTORE)) {
			store.load(in, STORE_PASSWORD);
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(null, trust.getTrustManagers(), null);
		client = HttpClient.newBuilder().sslContext(tls).build();
	}

	@Test
	void sessionCookieIsHostPrefixedSecureHttpOnlyAndSameSite() throws Exception {
		String email = "tls-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		users.create(email, null, passwords.hashNew(PASSWORD), true);

		HttpResponse<String> login = client.send(HttpRequest.newBuilder(https("/api/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(login.statusCode()).isEqualTo(200);
		String session = cookie(login, "__Host-gatehouse_session");
		assertThat(attributes(session)).contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/")
				.noneMatch(attribute -> attribute.startsWith("Domain"));
		assertThat(login.headers().firstValue("Strict-Transport-Security")).contains("max-age=63072000; includeSubDomains");
	}

	@Test
	void everyHttpsResponseCarriesHsts() throws Exception {
		for (String path : List.of("/login", "/api/me", "/no-such-page", "/gatehouse/gatehouse.css")) {
			HttpResponse<String> response = get(https(path));

			assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path)
					.contains("max-age=63072000; includeSubDomains");
		}
	}

	@Test
	void plainHttpPagesAreRedirectedToHttpsWithoutHsts() throws Exception {
		HttpResponse<String> response = get(http("/login?next=/account"));

		assertThat(response.statusCode()).isEqualTo(301);
		assertThat(response.headers().firstValue("Location")).contains("https://localhost/login?next=/account");
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void plainHttpApiRequestsWithCredentialsAreRefused() throws Exception {
		HttpResponse<String> bearer = client.send(HttpRequest.newBuilder(http("/api/me"))
				.header("Authorization", "Bearer gh_notarealtoken").build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> cookie = client.send(HttpRequest.newBuilder(http("/api/me"))
				.header("Cookie", "__Host-gatehouse_session=abc").build(), HttpResponse.BodyHandlers.ofString());

		for (HttpResponse<String> response : List.of(bearer, cookie)) {
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Location")).isEmpty();
			assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
			assertThat(response.body()).contains("HTTPS required");
		}
	}

	@Test
	void realPagesHaveEveryCspDirectiveAndAFreshNonce() throws Exception {
		HttpResponse<String> first = get(https("/login"));
		HttpResponse<String> second = get(https("/login"));

		String policy = first.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy.split(";\\s*")).contains("default-src 'self'", "object-src 'none'", "base-uri 'none'",
				"frame-ancestors 'none'", "form-action 'self'");
		assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*");
		assertThat(nonce(first)).isNotEqualTo(nonce(second));
	}

	private static String nonce(HttpResponse<String> response) {
		Matcher matcher = CSP_NONCE.matcher(response.headers().firstValue("Content-Security-Policy").orElseThrow());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI https(String path) {
		return URI.create("https://localhost:" + httpsPort + path);
	}

	private URI http(String path) {
		Connector[] connectors = ((TomcatWebServer) context.getWebServer()).getTomcat().getService().findConnectors();
		Connector plain = List.of(connectors).stream().filter(connector -> !connector.getSecure()
				&& !"https".equals(connector.getScheme())).findFirst().orElseThrow();
		return URI.create("http://localhost:" + plain.getLocalPort() + path);
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith(name + "="))
				.findFirst().orElseThrow(() -> new AssertionError("No cookie " + name + " in "
						+ response.headers().allValues("Set-Cookie")));
	}

	private static List<String> attributes(String setCookie) {
		return List.of(setCookie.split(";\\s*")).subList(1, setCookie.split(";\\s*").length);
	}

	/** A PKCS12 key store with a new key pair and a self-signed certificate for localhost, made by keytool. */
	private static Path selfSignedKeystore() {
		try {
			Path directory = Files.createTempDirectory("gatehouse-tls");
			Path keystore = directory.resolve("server.p12");
			Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
					"-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
					"-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
					"-keystore", keystore.toString(), "-storepass", new String(STORE_PASSWORD))
				.redirectErrorStream(true).start();
			String output = new String(keytool.getInputStream().readAllBytes());
			if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
			return keystore;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration
	static class PlainHttpConnector {

		/** A second connector without TLS, on a free port, as a server listening on 80 and 443 would have. */
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainHttpConnector() {
			return factory -> {
				Connector connector = new Connector();
				connector.setPort(0);
				factory.addAdditionalConnectors(connector);
			};
		}
	}
}
