package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP, since the error page is rendered by the container's error dispatch. */
@GatehouseServerTest
class ErrorPageLanguageTest {

	@LocalServerPort
	int port;

	@Test
	void theErrorPageNamesTheStatusInTheReadersLanguage() throws IOException, InterruptedException {
		assertThat(page("de")).contains("<h1>404 Nicht gefunden</h1>", "<title>Nicht gefunden · ")
			.doesNotContain("Not Found");
		assertThat(page("fr")).contains("<h1>404 Page introuvable</h1>");
		assertThat(page("en")).contains("<h1>404 Not Found</h1>");
	}

	private String page(String language) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page"))
			.header("Accept-Language", language).header("Accept", "text/html").build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		return response.body();
	}
}
