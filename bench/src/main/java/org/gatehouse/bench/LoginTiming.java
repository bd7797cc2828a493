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
 * Times failed logins against a running server: a known account with a wrong password and an
 * unknown account, interleaved, one at a time. Only the POST is timed; the login page with its
 * CSRF token is fetched before each attempt. Prints a Markdown table in milliseconds.
 * Runs as a single source file: java LoginTiming.java BASE_URL KNOWN_EMAIL N [MAX_SECONDS]
 */
public final class LoginTiming {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER).build();
	private final String baseUrl;

	private LoginTiming(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public static void main(String[] args) throws Exception {
		String baseUrl = args[0];
		String known = args[1];
		int n = Integer.parseInt(args[2]);
		long maxNanos = (args.length > 3 ? Long.parseLong(args[3]) : 120) * 1_000_000_000L;
		LoginTiming timing = new LoginTiming(baseUrl);
		for (int i = 0; i < 10; i++) {
			timing.attempt(known, "warm-up-wrong-" + i);
			timing.attempt("warm-up-" + i + "@example.org", "warm-up-wrong-" + i);
		}
		List<Double> knownMs = new ArrayList<>();
		List<Double> unknownMs = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < n && System.nanoTime() - start < maxNanos; i++) {
			String unknown = "nobody-" + i + "@example.org";
			if (i % 2 == 0) {
				knownMs.add(timing.attempt(known, "wrong-password-" + i));
				unknownMs.add(timing.attempt(unknown, "wrong-password-" + i));
			}
			else {
				unknownMs.add(timing.attempt(unknown, "wrong-password-" + i));
				knownMs.add(timing.attempt(known, "wrong-password-" + i));
			}
		}
		System.out.println("| account | attempts | median ms | p90 ms | min ms | max ms |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		row("known, wrong password", knownMs);
		row("unknown", unknownMs);
		System.out.printf("%nmedian unknown / known: %.3f%n", percentile(unknownMs, 50) / percentile(knownMs, 50));
	}

	private double attempt(String login, String password) throws Exception {
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
		if (response.statusCode() != 302 || !location.contains("error")) {
			throw new IllegalStateException("Not a plain login failure: " + response.statusCode() + " " + location
					+ " (throttled? raise the gatehouse.throttle.* limits)");
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
