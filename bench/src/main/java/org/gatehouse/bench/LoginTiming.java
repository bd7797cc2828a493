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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
		// With the server's secret key and the population's counts, unknown logins are sorted by the legacy hash
		// they mirror (LegacyHashSample): "unknown account" mirrors none; two more classes mirror bcrypt-12 and
		// the 25,000-round accounts. Without them, unknown logins are taken as they come.
		Mirror mirror = args.length > 10 ? new Mirror(java.nio.file.Files.readString(java.nio.file.Path.of(args[7])).strip(),
				Long.parseLong(args[8]), Long.parseLong(args[9]), Long.parseLong(args[10])) : null;
		java.util.function.IntFunction<String> unknownLogins = mirror == null ? i -> "nobody-" + stamp + "-" + i + "@example.org"
				: mirror.logins("nobody-" + stamp + "-", Mirror.NONE, n);
		List<LoginClass> mirrored = mirror == null ? List.of() : List.of(
				new LoginClass("unknown login that mirrors a bcrypt account", mirror.logins("as-bcrypt-" + stamp + "-", Mirror.BCRYPT, n), wrong, "error"),
				new LoginClass("unknown login that mirrors a 25,000-round account", mirror.logins("as-weak-" + stamp + "-", Mirror.WEAK, n), wrong, "error"));
		List<LoginClass> classes = new ArrayList<>(List.of(
				new LoginClass("unknown account", unknownLogins, wrong, "error"),
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
				new LoginClass("needs upgrade, right password (re-hash)", i -> prefix + "upgrade-" + i + "@example.org", password, "")));
		classes.addAll(mirrored);
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

	/**
	 * Which legacy hash an unknown login mirrors, computed as the server does (LegacyHashSample): HKDF-SHA256
	 * of the secret key for "gatehouse.legacy-timing-sample", HMAC-SHA256 of the login's normal form, its first
	 * 53 bits in [0, 1), the shapes in name order ("bcrypt $2b$12" before "pbkdf2_sha512 $pbkdf2-sha512$25000").
	 */
	private record Mirror(String secretKey, long bcrypt, long weak, long accounts) {

		static final int NONE = 0;
		static final int BCRYPT = 1;
		static final int WEAK = 2;

		int band(String login) throws Exception {
			Mac extract = Mac.getInstance("HmacSHA256");
			extract.init(new SecretKeySpec("gatehouse.secret-keys.v1".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
			byte[] prk = extract.doFinal(secretKey.getBytes(StandardCharsets.UTF_8));
			Mac expand = Mac.getInstance("HmacSHA256");
			expand.init(new SecretKeySpec(prk, "HmacSHA256"));
			expand.update("gatehouse.legacy-timing-sample".getBytes(StandardCharsets.UTF_8));
			byte[] key = expand.doFinal(new byte[] { 1 });
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			long bits = java.nio.ByteBuffer.wrap(mac.doFinal(login.strip().toLowerCase(java.util.Locale.ROOT)
				.getBytes(StandardCharsets.UTF_8))).getLong();
			double point = (bits >>> 11) * 0x1.0p-53;
			double bcryptShare = (double) bcrypt / accounts;
			return point < bcryptShare ? BCRYPT : point < bcryptShare + (double) weak / accounts ? WEAK : NONE;
		}

		/** The first n logins with the prefix (prefix0@…, prefix1@…) that mirror the band. */
		java.util.function.IntFunction<String> logins(String prefix, int band, int n) throws Exception {
			List<String> found = new ArrayList<>();
			for (int i = 0; found.size() < n; i++) {
				String login = prefix + i + "@example.org";
				if (band(login) == band) {
					found.add(login);
				}
			}
			return found::get;
		}
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
