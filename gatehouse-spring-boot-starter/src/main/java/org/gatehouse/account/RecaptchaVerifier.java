package org.gatehouse.account;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.gatehouse.config.GatehouseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Server-side reCAPTCHA check. Fails closed: no answer from the verify endpoint means "not a human". */
public class RecaptchaVerifier {

	private static final Logger log = LoggerFactory.getLogger(RecaptchaVerifier.class);

	private final GatehouseProperties.Recaptcha config;
	/** Built on first use: most installations never turn reCAPTCHA on, and a client costs a thread and start-up time. */
	private final SingletonSupplier<Client> client;

	private record Client(HttpClient http, ObjectMapper json) {
	}

	public RecaptchaVerifier(GatehouseProperties properties) {
		this.config = properties.getRecaptcha();
		this.client = SingletonSupplier.of(() -> new Client(
				HttpClient.newBuilder().connectTimeout(this.config.getTimeout()).build(), new ObjectMapper()));
	}

	public boolean enabled() {
		return config.isEnabled();
	}

	public boolean verify(String token, String remoteIp) {
		if (token == null || token.isBlank() || token.length() > 4096) {
			return false;
		}
		String body = "secret=" + enc(config.getPrivateKey()) + "&response=" + enc(token)
				+ (remoteIp == null ? "" : "&remoteip=" + enc(remoteIp));
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(config.getVerifyUrl())).timeout(config.getTimeout())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build();
			Client client = this.client.obtain();
			HttpResponse<String> response = client.http().send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				log.warn("reCAPTCHA verify endpoint answered {}", response.statusCode());
				return false;
			}
			JsonNode answer = client.json().readTree(response.body());
			return answer.path("success").asBoolean(false);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("reCAPTCHA verify endpoint unreachable: {}", ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
