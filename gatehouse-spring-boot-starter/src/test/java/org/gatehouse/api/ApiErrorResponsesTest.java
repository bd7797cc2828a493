package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Under /api/ every error is a problem document, never an HTML page. */
@GatehouseServerTest
class ApiErrorResponsesTest {

	@LocalServerPort
	int port;

	@Test
	void anonymousIsUnauthorized() {
		assertProblem(new ApiClient(port).get("/api/me"), 401);
		assertProblem(new ApiClient(port).get("/api/sessions"), 401);
	}

	@Test
	void unknownPathIsNotFound() {
		assertProblem(new ApiClient(port).get("/api/no-such-thing"), 404);
	}

	@Test
	void wrongMethodIsNotAllowed() {
		assertProblem(new ApiClient(port).get("/api/login"), 405);
	}

	@Test
	void textPlainAndFormBodiesAreUnsupported() {
		ApiClient client = new ApiClient(port);
		assertProblem(client.send(client.request("/api/login").header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@example.org\",\"password\":\"x\"}"))), 415);
		assertProblem(client.send(client.request("/api/forgot-password")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=a%40example.org"))), 415);
	}

	@Test
	void malformedJsonIsBadRequest() {
		assertProblem(new ApiClient(port).post("/api/login", "{\"email\": "), 400);
	}

	@Test
	void missingFieldsAreListed() {
		ApiClient.Response response = new ApiClient(port).post("/api/forgot-password", "{}");
		assertProblem(response, 400);
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
		assertThat(response.json().path("errors").get(0).path("message").asString()).isNotBlank();
	}

	@Test
	void oversizedBodyIsTooLarge() {
		String big = "{\"email\":\"" + "a".repeat(1024 * 1024 + 10) + "\"}";
		assertProblem(new ApiClient(port).post("/api/forgot-password", big), 413);
	}

	private static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("<html", "<!DOCTYPE");
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
	}
}
