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
		ApiClient.Response response = new ApiClient(port).get("/api/no-such-thing");
		assertProblem(response, 404);
		assertThat(response.detail()).isEqualTo("No such API endpoint: GET /api/no-such-thing");
		ApiClient.Response nope = new ApiClient(port).get("/api/nope");
		assertProblem(nope, 404);
		assertThat(nope.detail()).isEqualTo("No such API endpoint: GET /api/nope");
		ApiClient.Response deleted = new ApiClient(port).delete("/api/nope");
		assertThat(deleted.status()).isIn(403, 404); // no CSRF cookie yet: the CSRF check may answer first
		assertProblem(deleted, deleted.status());
	}

	@Test
	void wrongMethodIsNotAllowed() {
		ApiClient.Response response = new ApiClient(port).get("/api/login");
		assertProblem(response, 405);
		assertThat(response.detail()).isEqualTo("This endpoint accepts POST, not GET.");
		assertThat(response.raw().headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void textPlainAndFormBodiesAreUnsupported() {
		ApiClient client = new ApiClient(port);
		assertProblem(client.send(client.request("/api/login").header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@example.org\",\"password\":\"x\"}"))), 415);
		ApiClient.Response form = client.send(client.request("/api/forgot-password")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=a%40example.org")));
		assertProblem(form, 415);
		assertThat(form.detail()).isEqualTo("This endpoint accepts application/json.");
	}

	@Test
	void malformedJsonIsBadRequest() {
		ApiClient.Response response = new ApiClient(port).post("/api/login", "{\"email\": ");
		assertProblem(response, 400);
		assertThat(response.detail()).isEqualTo("The request body is not valid JSON.");
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
		// docs/security.md: Gatehouse's own wording, never the framework's or an exception message
		assertThat(response.json().path("type").asString()).isNotEmpty();
		assertThat(response.json().path("title").asString()).isNotEmpty();
		assertThat(response.detail()).isNotBlank().doesNotContain("static resource", "Content-Type '",
				"Request method '", "Failed to read", "Exception", "org.", "java.");
	}
}
