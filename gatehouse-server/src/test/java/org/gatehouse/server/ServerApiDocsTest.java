package org.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.gatehouse.server.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server keeps the OpenAPI description of /api/ at /api/openapi.json (its own springdoc settings). */
@BrowserTest
class ServerApiDocsTest {

	@LocalServerPort
	int port;

	@Test
	void theApiIsDescribedAtApiOpenapiJson() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/openapi.json")).header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"/api/me\"").contains("Gatehouse accounts API")
			.doesNotContain("\"/login/\"");
		// the provider is on in this shared context: its admin endpoints for clients are described
		assertThat(response.body()).contains("\"/api/admin/oidc/clients\"", "\"/api/admin/oidc/clients/{clientId}\"");
	}
}
