package org.gatehouse.api;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A browser-like JSON client for tests: one cookie jar, and the X-CSRFToken header copied
 * from the csrftoken cookie on unsafe requests unless told otherwise.
 */
final class ApiClient {

	static final ObjectMapper JSON = new ObjectMapper();

	private final URI base;
	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http;
	private boolean sendCsrfHeader = true;

	ApiClient(int port) {
		this.base = URI.create("http://localhost:" + port);
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	record Response(int status, String contentType, String body, HttpResponse<String> raw) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		String detail() {
			return json().path("detail").asString();
		}
	}

	ApiClient withoutCsrfHeader() {
		sendCsrfHeader = false;
		return this;
	}

	Response get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	Response post(String path, Object body, String... headers) {
		return send(withCsrf(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))));
	}

	Response delete(String path, String... headers) {
		return send(withCsrf(request(path, headers).DELETE()));
	}

	Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return builder;
	}

	Optional<String> cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue).findFirst();
	}

	void setCookie(String name, String value) {
		cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
			.forEach(c -> cookies.getCookieStore().remove(base, c));
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		// the domain CookieManager gives a server's host-only cookie, so that the server's next one replaces it
		String host = base.getHost();
		cookie.setDomain(host.contains(".") ? host : host + ".local");
		cookies.getCookieStore().add(base, cookie);
	}

	URI base() {
		return base;
	}

	private HttpRequest.Builder withCsrf(HttpRequest.Builder builder) {
		if (sendCsrfHeader) {
			cookie("csrftoken").ifPresent(token -> builder.header("X-CSRFToken", token));
		}
		return builder;
	}
}
