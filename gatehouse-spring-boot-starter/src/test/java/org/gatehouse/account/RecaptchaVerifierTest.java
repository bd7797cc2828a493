package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.gatehouse.config.GatehouseProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server-side reCAPTCHA check against a local stub of the verify endpoint. (The sign-up
 * form itself would need a third application context, with registration on and reCAPTCHA keys.)
 */
class RecaptchaVerifierTest {

	HttpServer stub;
	volatile String answer = "{\"success\": true}";
	final List<String> requests = new CopyOnWriteArrayList<>();
	final GatehouseProperties properties = new GatehouseProperties();

	@BeforeEach
	void startStub() throws IOException {
		stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		stub.createContext("/siteverify", exchange -> {
			requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] body = answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		stub.start();
		properties.getRecaptcha().setPublicKey("site-key");
		properties.getRecaptcha().setPrivateKey("secret-key");
		properties.getRecaptcha().setTimeout(Duration.ofSeconds(2));
		properties.getRecaptcha()
			.setVerifyUrl("http://127.0.0.1:" + stub.getAddress().getPort() + "/siteverify");
	}

	@AfterEach
	void stopStub() {
		stub.stop(0);
	}

	@Test
	void enabledOnlyWithBothKeys() {
		assertThat(new RecaptchaVerifier(properties).enabled()).isTrue();
		properties.getRecaptcha().setPrivateKey(" ");
		assertThat(new RecaptchaVerifier(properties).enabled()).isFalse();
	}

	@Test
	void acceptsWhatTheEndpointAccepts() {
		assertThat(new RecaptchaVerifier(properties).verify("token-123", "203.0.113.5")).isTrue();
		assertThat(requests).hasSize(1);
		String sent = URLDecoder.decode(requests.get(0), StandardCharsets.UTF_8);
		assertThat(sent).contains("secret=secret-key").contains("response=token-123").contains("remoteip=203.0.113.5");
	}

	@Test
	void refusesWhatTheEndpointRefuses() {
		answer = "{\"success\": false, \"error-codes\": [\"invalid-input-response\"]}";
		assertThat(new RecaptchaVerifier(properties).verify("token-123", "203.0.113.5")).isFalse();
		answer = "not json";
		assertThat(new RecaptchaVerifier(properties).verify("token-123", "203.0.113.5")).isFalse();
	}

	@Test
	void refusesAMissingTokenWithoutAsking() {
		RecaptchaVerifier verifier = new RecaptchaVerifier(properties);
		assertThat(verifier.verify(null, "203.0.113.5")).isFalse();
		assertThat(verifier.verify("  ", "203.0.113.5")).isFalse();
		assertThat(requests).isEmpty();
	}

	@Test
	void failsClosedWhenTheEndpointIsDown() {
		stub.stop(0);
		assertThat(new RecaptchaVerifier(properties).verify("token-123", "203.0.113.5")).isFalse();
	}
}
