package org.gatehouse.http;

import org.gatehouse.http.testapp.EchoController;
import org.gatehouse.http.testapp.HttpTestApplication;
import org.gatehouse.http.testapp.RawHttp;
import org.gatehouse.http.testapp.RawHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** One trusted reverse proxy terminating TLS in front of the application, HTTPS enforced. */
@SpringBootTest(classes = HttpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.http.allowed-hosts=auth.example.org,localhost", "gatehouse.http.proxies=1",
				"gatehouse.http.force-https=true", "gatehouse.data-directory=target/http-test-data" })
class ProxiedHttpsIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void applicationSeesTheClientThroughTheProxy() throws Exception {
		Response response = RawHttp.get(port, "/echo?x=1", "Host: internal:8080",
				"X-Forwarded-For: 6.6.6.6, 203.0.113.7", "X-Forwarded-Proto: https", "X-Forwarded-Host: auth.example.org");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"remoteAddr\":\"203.0.113.7\"", "\"scheme\":\"https\"", "\"secure\":true",
				"\"serverName\":\"auth.example.org\"", "\"serverPort\":443",
				"\"requestUrl\":\"https://auth.example.org/echo\"", "\"baseUrl\":\"https://auth.example.org\"");
		assertThat(response.header("Strict-Transport-Security")).isEqualTo("max-age=63072000; includeSubDomains");
	}

	@Test
	void forwardedHostMustBeAllowed() throws Exception {
		int callsBefore = EchoController.calls.get();

		Response response = RawHttp.get(port, "/echo", "Host: localhost", "X-Forwarded-For: 203.0.113.7",
				"X-Forwarded-Proto: https", "X-Forwarded-Host: evil.com");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("Bad Request: host not allowed");
		assertThat(EchoController.calls.get()).isEqualTo(callsBefore);
	}

	@Test
	void plainHttpPageRequestsAreRedirectedToHttps() throws Exception {
		Response response = RawHttp.get(port, "/echo?x=1&y=2", "Host: internal:8080",
				"X-Forwarded-For: 203.0.113.7", "X-Forwarded-Proto: http", "X-Forwarded-Host: auth.example.org:80");

		assertThat(response.status()).isEqualTo(301);
		assertThat(response.header("Location")).isEqualTo("https://auth.example.org/echo?x=1&y=2");
		assertThat(response.header("Strict-Transport-Security")).isNull();
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void plainHttpRequestsWithABodyAreRefused() throws Exception {
		int callsBefore = EchoController.calls.get();

		Response response = RawHttp.send(port, "POST /upload HTTP/1.1\nHost: auth.example.org\n"
				+ "Content-Type: application/octet-stream\nContent-Length: 3\nConnection: close\n", new byte[3]);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("Bad Request: HTTPS required");
		assertThat(EchoController.calls.get()).isEqualTo(callsBefore);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Authorization: Bearer gh_0123456789abcdef", "Cookie: __Host-gatehouse_session=abc",
			"Cookie: remember-me=abc", "X-No-Credential: at-all" })
	void plainHttpApiRequestsAreRefusedWithAProblemNotRedirected(String header) throws Exception {
		Response response = RawHttp.get(port, "/api/me", "Host: internal:8080", "X-Forwarded-For: 203.0.113.7",
				"X-Forwarded-Proto: http", "X-Forwarded-Host: auth.example.org", header);

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Location")).isNull();
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).contains("\"status\":403", "HTTPS required: this API answers only over https://");
	}

	/** Spellings of an API path that reach the API (encoded letters, doubled slashes) are refused alike. */
	@ParameterizedTest
	@ValueSource(strings = { "/%61pi/me", "//api/me", "/api//me" })
	void plainHttpApiRequestsUnderOtherSpellingsAreRefusedToo(String path) throws Exception {
		Response response = RawHttp.get(port, path, "Host: internal:8080", "X-Forwarded-For: 203.0.113.7",
				"X-Forwarded-Proto: http", "X-Forwarded-Host: auth.example.org",
				"Authorization: Bearer gh_0123456789abcdef");

		assertThat(response.status()).as(path).isEqualTo(403);
		assertThat(response.header("Location")).isNull();
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
	}

	@Test
	void plainHttpApiWritesGetTheSameProblem() throws Exception {
		Response response = RawHttp.send(port, "POST /api/login HTTP/1.1\nHost: auth.example.org\n"
				+ "Content-Type: application/json\nContent-Length: 2\nConnection: close\n", "{}".getBytes());

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
	}

	@Test
	void spoofedHeadersWithTooFewEntriesAreIgnored() throws Exception {
		// no proxy in between: the client's own single-entry headers count for nothing but the Host check
		Response response = RawHttp.get(port, "/echo", "Host: localhost", "X-Forwarded-For: , 6.6.6.6",
				"X-Forwarded-Proto: gopher");

		assertThat(response.status()).isEqualTo(301);
		assertThat(response.header("Location")).isEqualTo("https://localhost/echo");
	}
}
