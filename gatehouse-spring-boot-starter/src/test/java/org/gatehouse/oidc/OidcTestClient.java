package org.gatehouse.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.gatehouse.testapp.FormClient;
import org.springframework.web.util.UriComponentsBuilder;

/** A relying party's side of the protocol over real HTTP, with a {@link FormClient} as the user's browser. */
final class OidcTestClient {

	static final ObjectMapper JSON = new ObjectMapper();

	final String baseUrl;
	final String clientId;
	final String clientSecret;
	final String redirectUri;
	final String verifier = random();
	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	OidcTestClient(String baseUrl, String clientId, String clientSecret, String redirectUri) {
		this.baseUrl = baseUrl;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.redirectUri = redirectUri;
	}

	String authorizeUrl(String scope, String state, String nonce, boolean pkce) {
		UriComponentsBuilder url = UriComponentsBuilder.fromUriString(baseUrl + "/oauth2/authorize")
			.queryParam("response_type", "code").queryParam("client_id", clientId)
			.queryParam("redirect_uri", redirectUri).queryParam("scope", scope).queryParam("state", state)
			.queryParam("nonce", nonce);
		if (pkce) {
			url.queryParam("code_challenge", challenge(verifier)).queryParam("code_challenge_method", "S256");
		}
		return url.encode().build().toUriString();
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
				"No redirect: " + response.statusCode() + " " + response.body()));
	}

	static Map<String, String> query(String url) {
		Map<String, String> params = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(url).build().getQueryParams()
			.forEach((k, v) -> params.put(k, java.net.URLDecoder.decode(v.get(0), StandardCharsets.UTF_8)));
		return params;
	}

	HttpResponse<String> token(Map<String, String> form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"));
		Map<String, String> all = new LinkedHashMap<>(form);
		if (clientSecret != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)));
		}
		else {
			all.put("client_id", clientId);
		}
		return post(request, all);
	}

	HttpResponse<String> exchange(String code) {
		return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
				"code_verifier", verifier));
	}

	HttpResponse<String> refresh(String refreshToken) {
		return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
	}

	HttpResponse<String> post(HttpRequest.Builder request, Map<String, String> form) {
		String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	HttpResponse<String> get(String path, String bearer) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + bearer)
			.GET().build());
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(
					MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
