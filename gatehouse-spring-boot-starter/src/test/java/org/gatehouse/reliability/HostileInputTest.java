package org.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseInstance;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input against every POST endpoint the application maps (enumerated from
 * {@link RequestMappingHandlerMapping}), as a bare client, an anonymous browser session and a
 * logged-in one: random and malformed form fields, invalid UTF-8, NUL bytes, wrong content
 * types, truncated, deeply nested and duplicate-key JSON, numbers for strings, 1 MB+ bodies.
 * Never a 5xx, never a stack trace in the body, and no account appears except from a request
 * that was answered as a successful registration. Seeded (jqwik) for reproducibility, no
 * shrinking, a few hundred requests in all.
 */
class HostileInputTest {

	static final String PASSWORD = "plum-orbit-lantern-42";
	static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	static final List<String> FIELD_NAMES = List.of("email", "username", "password", "passwordConfirm", "login",
			"remember_me", "rememberMe", "token", "currentPassword", "new_password", "name", "scopes", "expires_in",
			"recaptcha_response", "g-recaptcha-response", "_csrf", "next", "id", "user_id", "active", "role");
	static final List<String> NASTY = List.of("", " ", "\u0000", "a\u0000b", "' OR '1'='1", "\"; drop table gh_user; --",
			"<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "\uFFFF", "\uFEFF", "x@example.org",
			"a@b", "@", PASSWORD, "-1", "0", "99999999999999999999999", "1e999", "NaN", "true", "null", "[]", "{}",
			"../../etc/passwd", "%00", "\r\nSet-Cookie: x=y", "é\u0301", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ascii-" + "z".repeat(300));

	static GatehouseInstance app;
	static List<String> postPaths;
	static final Map<String, Client> clients = new java.util.HashMap<>();
	static String userEmail;
	static int requests;

	@BeforeContainer
	static void start() {
		app = GatehouseInstance.start(Map.of("spring.datasource.url", "jdbc:h2:mem:hostile-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"gatehouse.session.store", "memory", "spring.mail.host", "127.0.0.1",
				// explicit sign-up answers: every sign-up answered as done made exactly one account
				"gatehouse.features.return-generic-responses", "false"));
		try {
			// the DispatcherServlet initialises its handler mappings on the first request
			new Client().get("/health");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		TreeSet<String> paths = new TreeSet<>();
		app.bean(DispatcherServlet.class).getHandlerMappings().stream()
			.filter(RequestMappingHandlerMapping.class::isInstance).map(RequestMappingHandlerMapping.class::cast)
			.flatMap(mapping -> mapping.getHandlerMethods().keySet().stream()).forEach(info -> {
			var methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.POST) || methods.contains(RequestMethod.PUT)
					|| methods.contains(RequestMethod.PATCH)) {
				info.getPatternValues().stream()
					.map(p -> p.replaceAll("\\{[^}]*\\}", "x1"))
					.filter(p -> !p.startsWith("/error"))
					.forEach(paths::add);
			}
		});
		// handled by Spring Security's filters rather than by a controller
		paths.add("/login/");
		paths.add("/logout/");
		postPaths = List.copyOf(paths);
		System.out.println("HostileInputTest POST endpoints: " + postPaths);
		assertThat(postPaths).contains("/api/register", "/api/login", "/signup/");
		userEmail = "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		app.bean(UserStore.class).create(userEmail, null, app.bean(PasswordService.class).hashNew(PASSWORD), true);
	}

	@AfterContainer
	static void stop() {
		System.out.println("HostileInputTest sent " + requests + " requests");
		if (app != null) {
			app.close();
		}
	}

	@Provide
	Arbitrary<String> endpoints() {
		return Arbitraries.of(postPaths);
	}

	@Provide
	Arbitrary<String> modes() {
		return Arbitraries.of("bare", "anonymous", "logged-in");
	}

	@Provide
	Arbitrary<byte[]> formBodies() {
		return Arbitraries.randomValue(HostileInputTest::formBody);
	}

	@Provide
	Arbitrary<byte[]> jsonBodies() {
		return Arbitraries.randomValue(HostileInputTest::jsonBody);
	}

	@Provide
	Arbitrary<String> contentTypes() {
		return Arbitraries.of("application/json", "application/json", "application/json;charset=UTF-16",
				"application/json; charset=bogus", "text/plain", "application/x-www-form-urlencoded", "application/xml",
				"multipart/form-data", "multipart/form-data; boundary=zz", "", "*/*", "application/problem+json",
				"application/x-www-form-urlencoded; charset=ISO-8859-1", "application/json\u0000");
	}

	@Property(tries = 140, seed = "20261125", shrinking = ShrinkingMode.OFF)
	void formFieldsNeverBreakTheServer(@ForAll("endpoints") String path, @ForAll("modes") String mode,
			@ForAll("formBodies") byte[] body) throws Exception {
		check(path, mode, "application/x-www-form-urlencoded", body, false);
	}

	@Property(tries = 160, seed = "20261126", shrinking = ShrinkingMode.OFF)
	void jsonBodiesNeverBreakTheServer(@ForAll("endpoints") String path, @ForAll("modes") String mode,
			@ForAll("contentTypes") String contentType, @ForAll("jsonBodies") byte[] body) throws Exception {
		check(path, mode, contentType, body, false);
	}

	@Example
	void hugeBodiesAre413OnEveryEndpoint() throws Exception {
		byte[] json = ("{\"email\":\"" + "a".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
		byte[] form = ("email=" + "a".repeat(1_100_000)).getBytes(StandardCharsets.US_ASCII);
		for (String path : postPaths) {
			assertThat(check(path, "bare", "application/json", json, true)).as(path).isEqualTo(413);
			assertThat(check(path, "anonymous", "application/x-www-form-urlencoded", form, true)).as(path).isEqualTo(413);
		}
	}

	@Example
	void deepNestingInvalidUtf8AndDuplicateKeysOnEveryEndpoint() throws Exception {
		byte[] deepArrays = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
		StringBuilder deepObjects = new StringBuilder();
		deepObjects.append("{\"email\":".repeat(10_000)).append("1").append("}".repeat(10_000));
		byte[] badUtf8 = concat("{\"email\":\"".getBytes(StandardCharsets.US_ASCII),
				new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80, 0 },
				"@example.org\",\"password\":\"x\"}".getBytes(StandardCharsets.US_ASCII));
		String dupEmail = "dup-" + UUID.randomUUID().toString().substring(0, 8);
		byte[] duplicates = ("{\"email\":\"" + dupEmail + "@example.org\",\"email\":\"" + dupEmail
				+ "2@example.org\",\"password\":\"short\",\"password\":\"" + PASSWORD + "x\"}").getBytes(StandardCharsets.UTF_8);
		byte[] nul = "{\"email\":\"nul\u0000@example.org\",\"password\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8);
		byte[] numbers = "{\"email\":12345,\"password\":1e400,\"username\":[1,2],\"login\":{\"$ne\":null}}"
			.getBytes(StandardCharsets.UTF_8);
		for (String path : postPaths) {
			for (byte[] body : List.of(deepArrays, deepObjects.toString().getBytes(StandardCharsets.US_ASCII), badUtf8,
					duplicates, nul, numbers)) {
				check(path, "bare", "application/json", body, false);
			}
			check(path, "anonymous", "application/x-www-form-urlencoded",
					"email=%C3%28%FF%FE%00%ED%A0%80&password=%&username=%zz".getBytes(StandardCharsets.US_ASCII), false);
		}
	}

	/** Sends one request; asserts no 5xx, no stack trace, no stray account. Returns the status. */
	static int check(String path, String mode, String contentType, byte[] body, boolean huge) throws Exception {
		Client client = client(mode);
		byte[] sent = body;
		if (client.formToken != null && contentType.startsWith("application/x-www-form-urlencoded")) {
			sent = concat(("_csrf=" + URLEncoder.encode(client.formToken, StandardCharsets.UTF_8) + "&")
				.getBytes(StandardCharsets.US_ASCII), body);
		}
		long usersBefore = users();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
			.timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(sent));
		if (!contentType.isEmpty()) {
			request.header("Content-Type", contentType.replace("\u0000", "%00"));
		}
		String apiToken = client.cookie("csrftoken");
		if (apiToken != null) {
			request.header("X-CSRFToken", apiToken);
		}
		HttpResponse<String> response;
		requests++;
		try {
			response = client.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
		}
		catch (IOException ex) {
			throw new AssertionError("connection failed on " + mode + " POST " + path + " " + contentType + ": " + ex, ex);
		}
		String what = mode + " POST " + path + " (" + contentType + ", " + sent.length + " bytes: "
				+ preview(sent) + ") -> " + response.statusCode() + " " + preview(response.body().getBytes(StandardCharsets.ISO_8859_1));
		assertThat(response.statusCode()).as(what).isLessThan(500);
		assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("at org.")
			.doesNotContain("\tat ").doesNotContain("at java.");
		long added = users() - usersBefore;
		boolean registered = (path.equals("/api/register") && response.statusCode() == 201)
				|| (path.equals("/signup/") && response.statusCode() == 200 && !response.body().contains("passwordConfirm"));
		assertThat(added).as("accounts added by " + what).isEqualTo(registered ? 1 : 0);
		return response.statusCode();
	}

	static long users() {
		return app.bean(JdbcClient.class).sql("select count(*) from gh_user").query(Long.class).single();
	}

	static synchronized Client client(String mode) throws Exception {
		Client client = clients.computeIfAbsent(mode, m -> new Client());
		if (mode.equals("bare")) {
			client.cookies.getCookieStore().removeAll();
			return client;
		}
		if (mode.equals("anonymous")) {
			if (client.formToken == null || client.cookie("csrftoken") == null) {
				client.cookies.getCookieStore().removeAll();
				client.formToken = client.token("/login/");
				client.get("/api/csrf");
			}
			return client;
		}
		if (client.formToken == null || client.get("/api/me").statusCode() != 200) {
			client.cookies.getCookieStore().removeAll();
			client.get("/api/csrf");
			HttpResponse<String> login = client.http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/login"))
				.header("Content-Type", "application/json").header("X-CSRFToken", client.cookie("csrftoken"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + userEmail + "\",\"password\":\"" + PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
			client.formToken = client.token("/account/settings/sessions/");
			client.get("/api/csrf");
		}
		return client;
	}

	static final class Client {
		final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
		String formToken;

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		String token(String page) throws Exception {
			HttpResponse<String> response = get(page);
			Matcher m = FORM_CSRF.matcher(response.body());
			assertThat(m.find()).as("CSRF token on " + page + " (" + response.statusCode() + ")").isTrue();
			return m.group(1);
		}

		String cookie(String name) {
			return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
				.map(HttpCookie::getValue).findFirst().orElse(null);
		}
	}

	// ---- generators (driven by jqwik's seeded Random) ----

	static byte[] formBody(Random r) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int fields = r.nextInt(8);
		for (int i = 0; i < fields; i++) {
			if (i > 0) {
				out.writeBytes(r.nextInt(20) == 0 ? ";".getBytes() : "&".getBytes());
			}
			String name = r.nextInt(5) == 0 ? randomString(r, 12) : FIELD_NAMES.get(r.nextInt(FIELD_NAMES.size()));
			out.writeBytes(URLEncoder.encode(name, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII));
			if (r.nextInt(15) == 0) {
				continue; // a name without '='
			}
			out.writeBytes("=".getBytes());
			switch (r.nextInt(6)) {
				case 0 -> out.writeBytes(new String[] { "%FF%FE", "%C0%80", "%", "%zz", "%00", "%ED%A0%80", "%E2%82" }[r.nextInt(7)]
					.getBytes(StandardCharsets.US_ASCII));
				case 1 -> out.writeBytes(URLEncoder.encode("x".repeat(1 + r.nextInt(60_000)), StandardCharsets.UTF_8)
					.getBytes(StandardCharsets.US_ASCII));
				case 2 -> out.writeBytes(URLEncoder.encode(randomString(r, 40), StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII));
				default -> out.writeBytes(URLEncoder.encode(NASTY.get(r.nextInt(NASTY.size())), StandardCharsets.UTF_8)
					.getBytes(StandardCharsets.US_ASCII));
			}
		}
		if (r.nextInt(20) == 0) {
			byte[] raw = new byte[r.nextInt(200)];
			r.nextBytes(raw);
			out.writeBytes(raw);
		}
		return out.toByteArray();
	}

	static byte[] jsonBody(Random r) {
		return switch (r.nextInt(12)) {
			case 0, 1 -> jsonObject(r, 0, false).getBytes(StandardCharsets.UTF_8);
			case 2 -> jsonObject(r, 0, true).getBytes(StandardCharsets.UTF_8);
			case 3 -> {
				String json = jsonObject(r, 0, false);
				yield json.substring(0, r.nextInt(Math.max(1, json.length()))).getBytes(StandardCharsets.UTF_8);
			}
			case 4 -> {
				int depth = 100 + r.nextInt(5_000);
				yield ("[".repeat(depth) + (r.nextBoolean() ? "]".repeat(depth) : "")).getBytes(StandardCharsets.US_ASCII);
			}
			case 5 -> concat("{\"email\":\"".getBytes(), randomBytes(r, 1 + r.nextInt(30)), "\"}".getBytes());
			case 6 -> ("{\"email\":\"a\\u0000b@example.org\",\"password\":\"" + "\u0000".repeat(1 + r.nextInt(5)) + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			case 7 -> ("{\"email\":" + r.nextLong() + ",\"password\":" + r.nextDouble() + ",\"login\":" + r.nextInt()
					+ ",\"username\":" + r.nextBoolean() + ",\"token\":1e" + r.nextInt(10_000) + "}").getBytes(StandardCharsets.UTF_8);
			case 8 -> randomBytes(r, r.nextInt(500));
			case 9 -> new byte[0];
			case 10 -> new String[] { "[]", "\"str\"", "123", "null", "true", "{}", "[{}]", "{\"\":\"\"}", "{,}", "{\"email\"}" }[r
				.nextInt(10)].getBytes(StandardCharsets.US_ASCII);
			default -> ("{\"email\":\"" + "e".repeat(100_000 + r.nextInt(500_000)) + "@example.org\",\"password\":\""
					+ "p".repeat(r.nextInt(100_000)) + "\"}").getBytes(StandardCharsets.US_ASCII);
		};
	}

	static String jsonObject(Random r, int depth, boolean duplicates) {
		StringBuilder json = new StringBuilder("{");
		int fields = r.nextInt(7);
		for (int i = 0; i < fields; i++) {
			if (i > 0) {
				json.append(',');
			}
			String name = r.nextInt(6) == 0 ? randomString(r, 8) : FIELD_NAMES.get(r.nextInt(FIELD_NAMES.size()));
			json.append(quote(name)).append(':').append(jsonValue(r, depth));
			if (duplicates) {
				json.append(',').append(quote(name)).append(':').append(jsonValue(r, depth));
			}
		}
		return json.append('}').toString();
	}

	static String jsonValue(Random r, int depth) {
		return switch (r.nextInt(depth > 3 ? 6 : 9)) {
			case 0 -> quote(NASTY.get(r.nextInt(NASTY.size())));
			case 1 -> quote(randomString(r, 30));
			case 2 -> Long.toString(r.nextLong());
			case 3 -> r.nextBoolean() ? "true" : "false";
			case 4 -> "null";
			case 5 -> r.nextBoolean() ? "1e" + r.nextInt(1000) : Double.toString(r.nextGaussian());
			case 6 -> jsonObject(r, depth + 1, false);
			case 7 -> "[" + jsonValue(r, depth + 1) + "," + jsonValue(r, depth + 1) + "]";
			default -> quote("x".repeat(r.nextInt(20_000)));
		};
	}

	static String quote(String s) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	static String randomString(Random r, int maxLength) {
		StringBuilder s = new StringBuilder();
		int n = r.nextInt(maxLength + 1);
		for (int i = 0; i < n; i++) {
			int kind = r.nextInt(4);
			s.append(kind == 0 ? (char) r.nextInt(0x20) : kind == 1 ? (char) (0x20 + r.nextInt(0x5f))
					: kind == 2 ? (char) r.nextInt(0x10000) : (char) (0xD800 + r.nextInt(0x800)));
		}
		return s.toString();
	}

	static byte[] randomBytes(Random r, int n) {
		byte[] b = new byte[n];
		r.nextBytes(b);
		return b;
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}

	static String preview(byte[] bytes) {
		String s = new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.ISO_8859_1);
		return s.replaceAll("[^\\x20-\\x7e]", "?");
	}
}
