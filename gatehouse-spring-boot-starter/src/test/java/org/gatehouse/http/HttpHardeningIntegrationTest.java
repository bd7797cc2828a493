package org.gatehouse.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

@SpringBootTest(classes = HttpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.http.allowed-hosts=localhost,127.0.0.1,[::1],.example.org",
				"gatehouse.http.max-body-bytes=1024", "gatehouse.data-directory=target/http-test-data",
				"gatehouse.http.headers.extra.X-Test-Extra=extra-value" })
class HttpHardeningIntegrationTest {

	private static final Pattern CSP_NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

	@LocalServerPort
	int port;

	@Test
	void pageResponseCarriesEverySecurityHeader() throws Exception {
		Response response = RawHttp.get(port, "/echo", "Host: localhost");

		assertThat(response.status()).isEqualTo(200);
		assertSecurityHeaders(response);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.header("Strict-Transport-Security")).as("HSTS over plain HTTP").isNull();
		assertThat(response.header("X-Test-Extra")).isEqualTo("extra-value");
	}

	@Test
	void cspNonceIsFreshPerRequestAndExposedToTheApplication() throws Exception {
		Response first = RawHttp.get(port, "/echo", "Host: localhost");
		Response second = RawHttp.get(port, "/echo", "Host: localhost");

		String nonce = nonce(first);
		assertThat(Base64.getDecoder().decode(nonce)).hasSizeGreaterThanOrEqualTo(16);
		assertThat(nonce).isNotEqualTo(nonce(second));
		assertThat(first.body()).contains("\"requestNonce\":\"" + nonce + "\"");
	}

	@Test
	void thymeleafTemplatesGetTheNonceAndSriHashes() throws Exception {
		Response response = RawHttp.get(port, "/page", "Host: localhost");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("<script nonce=\"" + nonce(response) + "\">")
				.containsPattern("integrity=\"sha384-[A-Za-z0-9+/]{64}\"");
	}

	@Test
	void everyInlineScriptAndStyleCarriesThisResponsesNonceAndNoOther() throws Exception {
		Response first = RawHttp.get(port, "/page", "Host: localhost");
		Response second = RawHttp.get(port, "/page", "Host: localhost");

		for (Response response : new Response[] { first, second }) {
			Matcher tags = Pattern.compile("<(script|style)\\b[^>]*>").matcher(response.body());
			int inlineTags = 0;
			while (tags.find()) {
				inlineTags++;
				assertThat(tags.group()).contains("nonce=\"" + nonce(response) + "\"");
			}
			assertThat(inlineTags).isEqualTo(2);
		}
		assertThat(nonce(first)).isNotEqualTo(nonce(second));
		assertThat(second.body()).doesNotContain(nonce(first));
	}

	@Test
	void cspForbidsPluginsBaseRewritingFramingAndInlineCode() throws Exception {
		String policy = RawHttp.get(port, "/echo", "Host: localhost").header("Content-Security-Policy");

		assertThat(policy.split(";\\s*")).contains("default-src 'self'", "object-src 'none'", "base-uri 'none'",
				"frame-ancestors 'none'", "form-action 'self'", "require-trusted-types-for 'script'");
		assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "unsafe-hashes", "*");
	}

	@Test
	void noServerBanner() throws Exception {
		Response response = RawHttp.get(port, "/echo", "Host: localhost");

		assertThat(response.headers("Server")).isEmpty();
		assertThat(response.headers("X-Powered-By")).isEmpty();
	}

	@Test
	void notFoundResponsesCarrySecurityHeaders() throws Exception {
		Response response = RawHttp.get(port, "/nothing-here", "Host: localhost");

		assertThat(response.status()).isEqualTo(404);
		assertSecurityHeaders(response);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void errorResponsesCarrySecurityHeaders() throws Exception {
		Response response = RawHttp.get(port, "/boom", "Host: localhost");

		assertThat(response.status()).isEqualTo(500);
		assertSecurityHeaders(response);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void staticFilesCarrySecurityHeadersAndArePubliclyCacheable() throws Exception {
		Response response = RawHttp.get(port, "/gatehouse/sri-test.css", "Host: localhost");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("#123456");
		assertSecurityHeaders(response);
		assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=3600");
	}

	@Test
	void rejectsAnUnknownHostBeforeTheApplication() throws Exception {
		int callsBefore = EchoController.calls.get();

		Response response = RawHttp.get(port, "/echo", "Host: evil.com");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
		assertThat(response.body()).isEqualTo("Bad Request: host not allowed");
		assertSecurityHeaders(response);
		assertThat(EchoController.calls.get()).isEqualTo(callsBefore);
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "LOCALHOST:8080", "127.0.0.1", "[::1]:1234", "example.org", "www.example.org" })
	void acceptsAllowedHosts(String host) throws Exception {
		assertThat(RawHttp.get(port, "/echo", "Host: " + host).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost.evil.com", "[::2]", "example.org.evil.com", "evil.com:80" })
	void rejectsOtherHosts(String host) throws Exception {
		assertThat(RawHttp.get(port, "/echo", "Host: " + host).status()).isEqualTo(400);
	}

	@Test
	void forwardedHeadersAreIgnoredWithoutTrustedProxies() throws Exception {
		Response response = RawHttp.get(port, "/echo", "Host: localhost", "X-Forwarded-For: 203.0.113.7",
				"X-Forwarded-Proto: https", "X-Forwarded-Host: evil.com");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"remoteAddr\":\"127.0.0.1\"", "\"scheme\":\"http\"",
				"\"baseUrl\":\"http://localhost\"");
	}

	@Test
	void bodyWithinTheLimitReachesTheApplication() throws Exception {
		Response response = post("/upload", "Content-Length: 1024", new byte[1024]);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("received 1024");
	}

	@Test
	void declaredBodyAboveTheLimitIsRejected() throws Exception {
		int callsBefore = EchoController.calls.get();

		Response response = post("/upload", "Content-Length: 1025", new byte[1025]);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Content-Type")).startsWith("text/plain");
		assertThat(response.body()).startsWith("Payload Too Large");
		assertThat(EchoController.calls.get()).isEqualTo(callsBefore);
	}

	@Test
	void apiBodyAboveTheLimitGetsAProblemDocument() throws Exception {
		Response response = post("/api/upload", "Content-Length: 5000", new byte[5000]);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).contains("\"status\":413", "\"title\":\"Payload Too Large\"");
	}

	@Test
	void chunkedBodyAboveTheLimitIsRejected() throws Exception {
		int callsBefore = EchoController.calls.get();

		Response response = post("/upload", "Transfer-Encoding: chunked", chunked(700, 700));

		assertThat(response.status()).isEqualTo(413);
		assertThat(EchoController.calls.get()).isEqualTo(callsBefore);
	}

	@Test
	void chunkedBodyWithinTheLimitIsReplayedToTheApplication() throws Exception {
		Response response = post("/upload", "Transfer-Encoding: chunked", chunked(500, 524));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("received 1024");
	}

	@Test
	void chunkedFormWithinTheLimitIsParsed() throws Exception {
		Response response = postForm("Transfer-Encoding: chunked", chunkedForm(1000));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("a has 998");
	}

	@Test
	void chunkedFormAboveTheLimitIsRejected() throws Exception {
		int callsBefore = EchoController.calls.get();

		Response response = postForm("Transfer-Encoding: chunked", chunkedForm(2000));

		assertThat(response.status()).isEqualTo(413);
		assertThat(EchoController.calls.get()).isEqualTo(callsBefore);
	}

	private Response postForm(String lengthHeader, byte[] body) throws Exception {
		return RawHttp.send(port, "POST /form HTTP/1.1\nHost: localhost\nContent-Type: application/x-www-form-urlencoded\n"
				+ lengthHeader + "\nConnection: close\n", body);
	}

	private static byte[] chunkedForm(int length) {
		String form = "a=" + "x".repeat(length - 2);
		return (Integer.toHexString(form.length()) + "\r\n" + form + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
	}

	private Response post(String path, String lengthHeader, byte[] body) throws Exception {
		return RawHttp.send(port, "POST " + path + " HTTP/1.1\nHost: localhost\nContent-Type: application/octet-stream\n"
				+ lengthHeader + "\nConnection: close\n", body);
	}

	private static byte[] chunked(int... sizes) {
		StringBuilder body = new StringBuilder();
		for (int size : sizes) {
			body.append(Integer.toHexString(size)).append("\r\n").append("x".repeat(size)).append("\r\n");
		}
		return body.append("0\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static String nonce(Response response) {
		Matcher matcher = CSP_NONCE.matcher(response.header("Content-Security-Policy"));
		assertThat(matcher.find()).as("nonce in CSP").isTrue();
		return matcher.group(1);
	}

	static void assertSecurityHeaders(Response response) {
		assertThat(response.header("Content-Security-Policy")).startsWith("default-src 'self'; script-src 'self' 'nonce-")
				.doesNotContain("{nonce}");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(response.header("Permissions-Policy")).contains("camera=()");
		assertThat(response.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
		assertThat(response.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
		assertThat(response.header("X-XSS-Protection")).isEqualTo("0");
	}
}
