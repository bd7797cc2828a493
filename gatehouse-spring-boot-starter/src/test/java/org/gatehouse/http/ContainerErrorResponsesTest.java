package org.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.http.testapp.RawHttp;
import org.gatehouse.http.testapp.RawHttp.Response;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests Tomcat refuses itself, before any filter or error page of the application runs, sent
 * over a raw socket to the real server: they carry the security headers like every other
 * response, and under /api/ (or with no readable path) answer problem+json.
 */
@GatehouseServerTest
class ContainerErrorResponsesTest {

	/** Stands for a 20 KB header, above Tomcat's 8 KB limit for the request head. */
	private static final String OVER_LONG_HEADER = "X-Padding: {20 KB}";

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "GET /api/me%00 HTTP/1.1", "GET /api/a%5cb HTTP/1.1", "GET /api/%ff HTTP/1.1",
			"GET /api/me HTTP/1.1\n" + OVER_LONG_HEADER, "GET /api/me HTTP/1.1\nX-Control: a\u0001b",
			"GET /api/me HTTP/1.1\nX-Bare-CR: a\rb", "GET /api/a|b HTTP/1.1" })
	void apiRequestsTheConnectorRefusesGetAProblemDocument(String requestStart) throws Exception {
		Response response = send(requestStart);

		assertThat(response.status()).isBetween(400, 599);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).startsWith("{\"type\":\"about:blank\",\"title\":\"")
				.contains("\"status\":" + response.status());
		HttpHardeningIntegrationTest.assertSecurityHeaders(response);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /%ff HTTP/1.1", "GET /..;/admin/ HTTP/1.1", "GET /account/%00 HTTP/1.1",
			"GET /login HTTP/1.1\n" + OVER_LONG_HEADER })
	void pageRequestsTheConnectorRefusesGetAMinimalPage(String requestStart) throws Exception {
		Response response = send(requestStart);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
		assertThat(response.body()).contains("<title>400 Bad Request</title>").doesNotContain("Tomcat", "<style");
		HttpHardeningIntegrationTest.assertSecurityHeaders(response);
		assertThat(response.headers("Server")).isEmpty();
	}

	private Response send(String requestStart) throws Exception {
		String head = requestStart.replace("{20 KB}", "a".repeat(20_000)) + "\nHost: localhost\nConnection: close\n";
		return RawHttp.send(port, head, new byte[0]);
	}
}
