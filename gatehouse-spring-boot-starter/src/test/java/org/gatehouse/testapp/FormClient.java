package org.gatehouse.testapp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript over real HTTP: keeps cookies, reads the CSRF token from the
 * page it posts to, never follows redirects (tests look at them).
 */
public class FormClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER).build();

	public CookieManager cookies() {
		return cookies;
	}

	public HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
	}

	/** Loads the form page first for its CSRF token, then posts the fields to the same URL. */
	public HttpResponse<String> submit(String url, Map<String, String> fields) {
		return submit(url, url, fields);
	}

	public HttpResponse<String> submit(String formPageUrl, String actionUrl, Map<String, String> fields) {
		HttpResponse<String> page = get(formPageUrl);
		Matcher token = CSRF.matcher(page.body());
		if (!token.find()) {
			throw new AssertionError("No CSRF token on " + formPageUrl + " (" + page.statusCode() + ")");
		}
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", token.group(1));
		String body = all.entrySet().stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(actionUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	public HttpResponse<String> login(String baseUrl, String login, String password) {
		return submit(baseUrl + "/login/", Map.of("login", login, "password", password));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
