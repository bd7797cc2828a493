package org.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A JSON client of the admin API with a cookie session, as a script or single-page app uses it: logs in through
 * /api/login and sends the CSRF cookie's value as X-CSRFToken on unsafe requests.
 */
final class AdminJsonClient {

	static final ObjectMapper JSON = new ObjectMapper();

	private final String base;
	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

	private AdminJsonClient(String base) {
		this.base = base;
	}

	static AdminJsonClient login(String base, String email, String password) {
		AdminJsonClient client = new AdminJsonClient(base);
		HttpResponse<String> login = client.send("POST", "/api/login",
				JSON.writeValueAsString(java.util.Map.of("email", email, "password", password)));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		return client;
	}

	AdminJsonClient reauthenticate(String password) {
		HttpResponse<String> reauth = send("POST", "/api/admin/reauthenticate",
				JSON.writeValueAsString(java.util.Map.of("password", password)));
		assertThat(reauth.statusCode()).as(reauth.body()).isEqualTo(200);
		return this;
	}

	HttpResponse<String> send(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (!method.equals("GET")) {
			cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("csrftoken"))
				.map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-CSRFToken", token));
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}
}
