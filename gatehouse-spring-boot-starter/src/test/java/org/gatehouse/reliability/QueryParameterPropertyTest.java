package org.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

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
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestPostgres;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile values in every query parameter of every GET endpoint the application maps
 * (enumerated from {@link RequestMappingHandlerMapping}, with the {@code @RequestParam} names of
 * each handler, so a new endpoint or parameter is covered without touching this test), as a
 * logged-in administrator and anonymously, on the embedded H2 and on PostgreSQL: dates with
 * signed years, numbers past {@code long}, very long text, control characters, unknown enum
 * values. The answer is 2xx, 3xx or 4xx, never 5xx and never a stack trace. Seeded, no
 * shrinking (issue 23, item 15; {@link HostileInputTest} does the same for POST bodies).
 */
class QueryParameterPropertyTest {

	static final String PASSWORD = "plum-orbit-lantern-42";
	static final List<String> HOSTILE = List.of("", " ", "0", "-1", "1", "9223372036854775807",
			"9223372036854775808", "-9223372036854775809", "99999999999999999999999", "1e999", "NaN", "0x10",
			"+999999999-12-31", "-999999999-01-01", "+10000-01-01", "9999-12-31", "0000-01-01", "0001-01-01",
			"2026-02-30", "2026-13-01", "2026-11-29", "2026-11-29T00:00:00Z", "email", "username", "admin",
			"' OR '1'='1", "\"; drop table gh_user; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}",
			"../../etc/passwd", "/admin/users/", "//evil.example/", "https://evil.example/", "\u0001", "a\u0007b",
			"\r\nX: y", "\uFFFF", "\uFEFF", "é\u0301", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "%", "%zz", "[]", "{}", "null", "true");

	static final Map<String, Target> targets = new LinkedHashMap<>();
	static int requests;

	/** One running application and its logged-in administrator. */
	record Target(GatehouseInstance app, FormClient admin, List<Endpoint> endpoints, long userId) {
	}

	/** A GET path pattern and its query parameters. */
	record Endpoint(String pattern, List<Param> parameters) {
	}

	/** A query parameter: its name and the type the handler binds it to (values are drawn for that type). */
	record Param(String name, Class<?> type) {

		@Override
		public String toString() {
			return name + ":" + type.getSimpleName();
		}
	}

	@BeforeContainer
	static void start() {
		String h2 = "jdbc:h2:mem:query-params-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		targets.put("h2", start(Map.of("spring.datasource.url", h2, "gatehouse.session.store", "memory",
				"spring.mail.host", "127.0.0.1")));
		targets.put("postgresql", start(Map.of("spring.datasource.url", TestPostgres.get().jdbcUrl(),
				"spring.datasource.username", TestPostgres.get().username(), "spring.mail.host", "127.0.0.1")));
	}

	static Target start(Map<String, String> properties) {
		GatehouseInstance app = GatehouseInstance.start(properties);
		String email = "qp-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		UserStore users = app.bean(UserStore.class);
		long id = users.create(email, "qp" + UUID.randomUUID().toString().substring(0, 8),
				app.bean(PasswordService.class).hashNew(PASSWORD), true);
		users.addRole(id, "admin");
		FormClient admin = new FormClient();
		assertThat(admin.login(app.baseUrl(), email, PASSWORD).statusCode()).isEqualTo(302);
		List<Endpoint> endpoints = getEndpoints(app);
		System.out.println("QueryParameterPropertyTest GET endpoints: " + endpoints);
		return new Target(app, admin, endpoints, id);
	}

	/** Every GET (or any-method) handler with its @RequestParam names. */
	static List<Endpoint> getEndpoints(GatehouseInstance app) {
		TreeMap<String, Endpoint> found = new TreeMap<>();
		app.bean(DispatcherServlet.class).getHandlerMappings().stream()
			.filter(RequestMappingHandlerMapping.class::isInstance).map(RequestMappingHandlerMapping.class::cast)
			.flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
			.forEach(entry -> {
				RequestMappingInfo info = entry.getKey();
				var methods = info.getMethodsCondition().getMethods();
				if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
					return;
				}
				List<Param> parameters = requestParams(entry.getValue());
				info.getPatternValues().stream().filter(p -> !p.startsWith("/error"))
					.forEach(p -> found.put(p, new Endpoint(p, parameters)));
			});
		assertThat(found).containsKeys("/admin/audit/", "/admin/users/", "/api/admin/users");
		assertThat(found.get("/admin/audit/").parameters()).extracting(Param::name)
			.contains("from", "to", "before", "type", "user");
		return List.copyOf(found.values());
	}

	static List<Param> requestParams(HandlerMethod handler) {
		List<Param> names = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation != null && parameter.getParameterAnnotation(PathVariable.class) == null) {
				String name = annotation.name().isEmpty() ? parameter.getParameter().getName() : annotation.name();
				if (!Map.class.isAssignableFrom(parameter.getParameterType())) {
					names.add(new Param(name, parameter.getParameterType()));
				}
			}
		}
		return names;
	}

	@AfterContainer
	static void stop() {
		System.out.println("QueryParameterPropertyTest sent " + requests + " requests");
		targets.values().forEach(t -> t.app().close());
	}

	@Provide
	Arbitrary<Long> seeds() {
		return Arbitraries.longs();
	}

	/** Each try sends one request to every GET endpoint, with values drawn from the seed. */
	@Property(tries = 60, seed = "20261129", shrinking = ShrinkingMode.OFF)
	void hostileQueryParametersNeverBreakTheServerOnH2(@ForAll("seeds") long seed) {
		checkAll(targets.get("h2"), new Random(seed));
	}

	@Property(tries = 60, seed = "20261130", shrinking = ShrinkingMode.OFF)
	void hostileQueryParametersNeverBreakTheServerOnPostgresql(@ForAll("seeds") long seed) {
		checkAll(targets.get("postgresql"), new Random(seed));
	}

	/** The reproducer, and its neighbours, on both databases. */
	@Example
	void outOfRangeDatesAndNumbersAre400() {
		for (Target target : targets.values()) {
			for (String query : List.of("to=%2B999999999-12-31", "from=%2B999999999-12-31", "to=-999999999-01-01",
					"from=%2B10000-01-01", "before=99999999999999999999", "before=-1")) {
				HttpResponse<String> answer = target.admin().get(target.app().baseUrl() + "/admin/audit/?" + query);
				assertThat(answer.statusCode()).as(query).isEqualTo(400);
				assertThat(answer.body()).as(query).doesNotContain("Exception");
			}
			assertThat(target.admin().get(target.app().baseUrl() + "/admin/audit/?from=2026-01-01&to=9999-12-31")
				.statusCode()).isEqualTo(200);
			HttpResponse<String> api = target.admin().get(target.app().baseUrl() + "/api/admin/users?q=" + "x".repeat(321));
			assertThat(api.statusCode()).isEqualTo(400);
			assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(api.body()).contains("\"field\":\"q\"");
		}
	}

	/**
	 * One request per endpoint and parameter, that parameter alone hostile (so another one's
	 * 400 does not hide what this one does further in), sometimes with an unknown extra parameter.
	 */
	static void checkAll(Target target, Random random) {
		for (Endpoint endpoint : target.endpoints()) {
			if (endpoint.parameters().isEmpty()) {
				check(target, endpoint, null, random);
			}
			endpoint.parameters().forEach(param -> check(target, endpoint, param, random));
		}
	}

	static void check(Target target, Endpoint endpoint, Param param, Random random) {
		String path = endpoint.pattern().replaceAll("\\{id\\}", random.nextBoolean() ? Long.toString(target.userId())
				: enc(value(random))).replaceAll("\\{[^}]*\\}", enc(value(random)));
		StringBuilder query = new StringBuilder();
		if (param != null) {
			query.append('?').append(param.name()).append('=')
				.append(enc(random.nextInt(3) == 0 ? value(random) : valueFor(param.type(), random)));
		}
		if (random.nextInt(5) == 0) {
			query.append(query.isEmpty() ? "?" : "&").append(enc(value(random))).append('=').append(enc(value(random)));
		}
		String url = target.app().baseUrl() + path + query;
		FormClient client = random.nextInt(8) == 0 ? new FormClient() : target.admin();
		requests++;
		HttpResponse<String> answer = client.get(url);
		String what = "GET " + path + query + " -> " + answer.statusCode() + " "
				+ answer.body().substring(0, Math.min(200, answer.body().length()));
		assertThat(answer.statusCode()).as(what).isLessThan(500);
		assertThat(answer.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
	}

	/** A value near or past the bounds of the parameter's type. */
	static String valueFor(Class<?> type, Random random) {
		if (type == LocalDate.class) {
			long[] years = { 1970 + random.nextInt(100), 9999, 10000, 999_999_999, -999_999_999, random.nextInt() };
			long year = years[random.nextInt(years.length)];
			String y = year > 9999 ? "+" + year : year < 0 ? String.format("-%04d", -year) : String.format("%04d", year);
			// the last and first day of a year are where day arithmetic overflows
			String[] days = { "-12-31", "-01-01", "-02-29", String.format("-%02d-%02d", random.nextInt(14), random.nextInt(33)) };
			return y + (random.nextBoolean() ? days[0] : days[random.nextInt(days.length)]);
		}
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			String[] numbers = { "0", "-1", "1", Long.toString(Long.MAX_VALUE), Long.toString(Long.MIN_VALUE),
					Long.MAX_VALUE + "0", Integer.MAX_VALUE + "", "2147483648", Long.toString(random.nextLong()),
					Integer.toString(random.nextInt(1000)), "1.5", "1e3", " 1" };
			return numbers[random.nextInt(numbers.length)];
		}
		if (type.isEnum()) {
			Object[] constants = type.getEnumConstants();
			String name = constants[random.nextInt(constants.length)].toString();
			return random.nextBoolean() ? name : random.nextBoolean() ? name.toLowerCase(Locale.ROOT) : name + "x";
		}
		return value(random);
	}

	static String value(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> SecurityEventType.values()[random.nextInt(SecurityEventType.values().length)].name();
			case 1 -> "x".repeat(1 + random.nextInt(random.nextBoolean() ? 300 : 3_000));
			case 2 -> Long.toString(random.nextLong());
			case 3 -> randomString(random);
			default -> HOSTILE.get(random.nextInt(HOSTILE.size()));
		};
	}

	static String randomString(Random random) {
		StringBuilder s = new StringBuilder();
		int n = random.nextInt(40);
		for (int i = 0; i < n; i++) {
			int kind = random.nextInt(3);
			s.append(kind == 0 ? (char) (1 + random.nextInt(0x1f)) : kind == 1 ? (char) (0x20 + random.nextInt(0x5f))
					: (char) random.nextInt(0xD800));
		}
		return s.toString();
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
