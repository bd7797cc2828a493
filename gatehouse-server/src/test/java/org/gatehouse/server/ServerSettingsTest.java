package org.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.coyote.AbstractProtocol;
import org.gatehouse.server.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The host-wide choices the starter no longer makes are the server's own (its application.yml and
 * {@link ServerErrorPages}): health at /health without details, Gatehouse's error pages, no stack trace.
 * Shares the browser tests' server (the same annotation), without starting a browser.
 */
@BrowserTest
class ServerSettingsTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Test
	void healthIsAtTheRootWithoutDetails() throws Exception {
		HttpResponse<String> health = get("/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details");
		assertThat(get("/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void errorPagesAreGatehouses() throws Exception {
		assertThat(context.getBeansOfType(ErrorController.class).values()).singleElement()
			.extracting(controller -> controller.getClass().getSimpleName()).isEqualTo("GatehouseErrorController");
		HttpResponse<String> page = get("/no-such-page");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		HttpResponse<String> api = get("/api/no-such-endpoint");
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void theServersHostWideChoices() {
		assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
		assertThat(environment.getProperty("server.servlet.encoding.force")).isEqualTo("true");
		assertThat(environment.getProperty("spring.mvc.problemdetails.enabled")).isNull();
		assertThat(environment.getProperty("management.observations.enable.http.server.requests")).isEqualTo("false");
	}

	@Test
	void tomcatKeepsAFewDozenThreadsNotTwoHundred() {
		TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
		AbstractProtocol<?> http = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();
		assertThat(http.getMaxThreads()).isEqualTo(50);
		assertThat(http.getMinSpareThreads()).isEqualTo(4);
	}

	private HttpResponse<String> get(String path) throws Exception {
		// as a browser asks
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
	}
}
