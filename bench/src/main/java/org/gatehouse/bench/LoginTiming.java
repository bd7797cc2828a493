package org.gatehouse.bench;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times form logins of every class a login can take (issue 23 item 1), one at a time and
 * interleaved, against a running server whose accounts login-timing.sh imported: known account
 * with a wrong password, unknown account, banned (right password), unconfirmed (right password,
 * server refuses logins without confirmation), locked known and locked unknown login, over-long
 * password (known and unknown), a password that NFKC changes (wrong), a legacy bcrypt hash
 * (wrong), a hash below the default cost (wrong, and right: the upgrade). Accounts that fail are
 * used in turn, so none reaches its lock. Only the POST is timed; the login page with its CSRF
 * token is fetched before each attempt. Prints a Markdown table of medians and their ratio to the
 * unknown-account class.
 * Runs as a single source file:
 * java LoginTiming.java BASE_URL PREFIX PASSWORD LIGATURE_PASSWORD ACCOUNTS_PER_CLASS N [MAX_SECONDS]
 */
public final class LoginTiming {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER).build();
	private final String baseUrl;

	private LoginTiming(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** One class of login: which account for attempt i, which password, and the answer it must get. */
	private record LoginClass(String name, java.util.function.IntFunction<String> login, String password,
			String expected) {
	}

	public static void main(String[] args) throws Exception {
		LoginTiming timing = new LoginTiming(args[0]);
		String prefix = args[1];
		String password = args[2];
		String ligature = args[3];
		int accounts = Integer.parseInt(args[4]);
		int n = Integer.parseInt(args[5]);
		long maxNanos = (args.length > 6 ? Long.parseLong(args[6]) : 100) * 1_000_000_000L;
		String overLong = "x".repeat(4097);
		String wrong = "wrong-" + password;
		String stamp = Long.toString(System.nanoTime());
		List<LoginClass> classes = List.of(
				new LoginClass("unknown account", i -> "nobody-" + stamp + "-" + i + "@example.org", wrong, "error"),
				new LoginClass("known, wrong password", i -> prefix + "known-" + i % accounts + "@example.org", wrong, "error"),
				new LoginClass("banned, right password", i -> prefix + "banned-" + i % accounts + "@example.org", password, "error"),
				new LoginClass("unconfirmed, right password", i -> prefix + "unconfirmed@example.org", password, "unconfirmed"),
				new LoginClass("locked known account, right password", i -> prefix + "locked@example.org", password, "throttled"),
				new LoginClass("locked unknown login", i -> "locked-" + stamp + "@example.org", wrong, "throttled"),
				new LoginClass("over-long password (4,097 bytes), known", i -> prefix + "known-" + i % accounts + "@example.org", overLong, "error"),
				new LoginClass("over-long password, unknown", i -> "nobody-long-" + stamp + "-" + i + "@example.org", overLong, "error"),
				new LoginClass("NFKC-changed password, known, wrong", i -> prefix + "ligature-" + i % accounts + "@example.org", ligature + "-wrong", "error"),
				new LoginClass("legacy bcrypt (cost 12), wrong", i -> prefix + "bcrypt-" + i % accounts + "@example.org", wrong, "error"),
				new LoginClass("needs upgrade (25,000 rounds), wrong", i -> prefix + "weak-" + i % accounts + "@example.org", wrong, "error"),
				new LoginClass("needs upgrade, right password (re-hash)", i -> prefix + "upgrade-" + i + "@example.org", password, ""));
		// lock one known account and one unknown login for the whole run (the server locks after 5 failures)
		for (int i = 0; i < 5; i++) {
			timing.attempt(prefix + "locked@example.org", "lock-it-" + i, null);
			timing.attempt("locked-" + stamp + "@example.org", "lock-it-" + i, null);
		}
		for (int i = 0; i < 3; i++) {
			timing.attempt("warm-up-" + stamp + "-" + i + "@example.org", wrong, "error");
		}
		Map<String, List<Double>> times = new LinkedHashMap<>();
		classes.forEach(c -> times.put(c.name(), new ArrayList<>()));
		long start = System.nanoTime();
		int rounds = 0;
		for (int i = 0; i < n && System.nanoTime() - start < maxNanos; i++, rounds++) {
			for (int k = 0; k < classes.size(); k++) {
				LoginClass c = classes.get((i + k) % classes.size());
				times.get(c.name()).add(timing.attempt(c.login().apply(i), c.password(), c.expected()));
			}
		}
		double unknown = percentile(times.get("unknown account"), 50);
		System.out.println("| login class | attempts | median ms | p90 ms | median / unknown |");
		System.out.println("|---|---:|---:|---:|---:|");
		times.forEach((name, values) -> System.out.printf("| %s | %d | %.1f | %.1f | %.2f |%n", name, values.size(),
				percentile(values, 50), percentile(values, 90), percentile(values, 50) / unknown));
		System.out.printf("%n%d interleaved rounds of %d classes.%n", rounds, classes.size());
	}

	/** A timed login; expected is the query parameter of the answer's redirect ("" for a success, null for any). */
	private double attempt(String login, String password, String expected) throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login/")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(page.body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the login page (" + page.statusCode() + ")");
		}
		String body = "login=" + enc(login) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
		HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl + "/login/"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build();
		long begin = System.nanoTime();
		HttpResponse<Void> response = http.send(post, HttpResponse.BodyHandlers.discarding());
		double ms = (System.nanoTime() - begin) / 1e6;
		String location = response.headers().firstValue("Location").orElse("");
		boolean expectedAnswer = expected == null
				|| (expected.isEmpty() ? !location.contains("?") : location.contains("?" + expected));
		if (response.statusCode() != 302 || !expectedAnswer) {
			throw new IllegalStateException("Expected " + (expected.isEmpty() ? "a login" : "?" + expected) + " but got "
					+ response.statusCode() + " " + location + " for " + login);
		}
		if (!location.contains("?")) {
			// a success: log out by forgetting the session cookie
			http.cookieHandler().ifPresent(handler -> ((CookieManager) handler).getCookieStore().removeAll());
		}
		return ms;
	}

	private static double percentile(List<Double> values, int p) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
