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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times failed logins against a running server, one at a time and interleaved: a known account
 * with a wrong password, an unknown account, and a locked (unknown) login, which the server
 * refuses without verifying the password. Only the POST is timed; the login page with its CSRF
 * token is fetched before each attempt. The server must lock a login after LOCK_AFTER failures
 * and keep it locked for the whole run; the known account's failures are reset by an untimed
 * successful login before it would be locked. Prints a Markdown table in milliseconds.
 * Runs as a single source file:
 * java LoginTiming.java BASE_URL KNOWN_EMAIL KNOWN_PASSWORD LOCK_AFTER N [MAX_SECONDS]
 */
public final class LoginTiming {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private HttpClient http = newClient();
	private final String baseUrl;
	private final String known;
	private final String knownPassword;
	private final int lockAfter;
	private int knownFailures;

	private LoginTiming(String baseUrl, String known, String knownPassword, int lockAfter) {
		this.baseUrl = baseUrl;
		this.known = known;
		this.knownPassword = knownPassword;
		this.lockAfter = lockAfter;
	}

	private static HttpClient newClient() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public static void main(String[] args) throws Exception {
		LoginTiming timing = new LoginTiming(args[0], args[1], args[2], Integer.parseInt(args[3]));
		int n = Integer.parseInt(args[4]);
		long maxNanos = (args.length > 5 ? Long.parseLong(args[5]) : 100) * 1_000_000_000L;
		String locked = "locked-" + System.nanoTime() + "@example.org";
		for (int i = 0; i < timing.lockAfter; i++) {
			timing.attempt(locked, "lock-it-" + i, "error");
		}
		for (int i = 0; i < 10; i++) {
			timing.knownWrong(i);
			timing.attempt("warm-up-" + i + "@example.org", "warm-up-wrong-" + i, "error");
			timing.attempt(locked, "warm-up-wrong-" + i, "throttled");
		}
		List<Double> knownMs = new ArrayList<>();
		List<Double> unknownMs = new ArrayList<>();
		List<Double> lockedMs = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < n && System.nanoTime() - start < maxNanos; i++) {
			for (int k = 0; k < 3; k++) {
				switch ((i + k) % 3) {
					case 0 -> knownMs.add(timing.knownWrong(i));
					case 1 -> unknownMs.add(timing.attempt("nobody-" + i + "@example.org", "wrong-password-" + i, "error"));
					default -> lockedMs.add(timing.attempt(locked, "wrong-password-" + i, "throttled"));
				}
			}
		}
		System.out.println("| account | attempts | median ms | p90 ms | min ms | max ms |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		row("known, wrong password", knownMs);
		row("unknown", unknownMs);
		row("locked (not verified, dummy verification)", lockedMs);
		System.out.printf("%nmedian unknown / known: %.3f; median locked / known: %.3f%n",
				percentile(unknownMs, 50) / percentile(knownMs, 50), percentile(lockedMs, 50) / percentile(knownMs, 50));
	}

	/** A timed wrong password for the known account, which is never allowed to reach its lock. */
	private double knownWrong(int i) throws Exception {
		if (knownFailures == lockAfter - 1) {
			attempt(known, knownPassword, "");
			http = newClient();
			knownFailures = 0;
		}
		knownFailures++;
		return attempt(known, "wrong-password-" + i, "error");
	}

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
		boolean expectedAnswer = expected.isEmpty() ? !location.contains("?") : location.contains("?" + expected);
		if (response.statusCode() != 302 || !expectedAnswer) {
			throw new IllegalStateException("Expected " + (expected.isEmpty() ? "a login" : "?" + expected) + " but got "
					+ response.statusCode() + " " + location + " for " + login);
		}
		return ms;
	}

	private static void row(String name, List<Double> values) {
		System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, values.size(), percentile(values, 50),
				percentile(values, 90), Collections.min(values), Collections.max(values));
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
