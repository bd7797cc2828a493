package org.gatehouse.server.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * GitHub's OAuth endpoints and user API as far as sign-in uses them (GitHub itself is out of reach): the authorize
 * page approves at once for the user the test names, the token endpoint checks the client's Basic credentials and
 * the code, /user and /user/emails (with verified flags) check the access token.
 */
final class GitHubStub implements AutoCloseable {

	static final String CLIENT_ID = "gh-client";
	static final String CLIENT_SECRET = "gh-secret";

	record GitHubUser(long id, String login, String email, boolean verified) {
	}

	private final HttpServer server;
	private final AtomicReference<GitHubUser> signedIn = new AtomicReference<>();
	private final Map<String, GitHubUser> codes = new HashMap<>();
	private final Map<String, GitHubUser> tokens = new HashMap<>();

	GitHubStub() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/login/oauth/authorize", this::authorize);
		server.createContext("/login/oauth/access_token", this::token);
		server.createContext("/user/emails", this::emails);
		server.createContext("/user", this::user);
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** Who the next authorization is for ("the user signed in at GitHub"). */
	void signIn(GitHubUser user) {
		signedIn.set(user);
	}

	private synchronized void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = params(exchange.getRequestURI().getRawQuery());
		if (!CLIENT_ID.equals(query.get("client_id")) || signedIn.get() == null) {
			send(exchange, 400, "text/plain", "bad client");
			return;
		}
		String code = "code-" + java.util.UUID.randomUUID();
		codes.put(code, signedIn.get());
		String target = query.get("redirect_uri") + "?code=" + code + "&state="
				+ java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", target);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private synchronized void token(HttpExchange exchange) throws IOException {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		Map<String, String> form = params(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		GitHubUser user = codes.remove(form.get("code"));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || user == null) {
			send(exchange, 400, "application/json", "{\"error\":\"bad_verification_code\"}");
			return;
		}
		String token = "gho_" + java.util.UUID.randomUUID().toString().replace("-", "");
		tokens.put(token, user);
		send(exchange, 200, "application/json",
				"{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"scope\":\"read:user,user:email\"}");
	}

	private synchronized void user(HttpExchange exchange) throws IOException {
		GitHubUser user = bearer(exchange);
		if (user == null) {
			send(exchange, 401, "application/json", "{\"message\":\"Requires authentication\"}");
			return;
		}
		// GitHub shows only the public address here, which is often none
		send(exchange, 200, "application/json", "{\"id\":" + user.id() + ",\"login\":\"" + user.login()
				+ "\",\"name\":\"" + user.login() + "\",\"email\":null}");
	}

	private synchronized void emails(HttpExchange exchange) throws IOException {
		GitHubUser user = bearer(exchange);
		if (user == null) {
			send(exchange, 401, "application/json", "{\"message\":\"Requires authentication\"}");
			return;
		}
		send(exchange, 200, "application/json", "[{\"email\":\"other-" + user.login()
				+ "@example.org\",\"primary\":false,\"verified\":true,\"visibility\":null},"
				+ "{\"email\":\"" + user.email() + "\",\"primary\":true,\"verified\":" + user.verified()
				+ ",\"visibility\":\"private\"}]");
	}

	private GitHubUser bearer(HttpExchange exchange) {
		String header = exchange.getRequestHeaders().getFirst("Authorization");
		return header != null && header.startsWith("Bearer ") ? tokens.get(header.substring(7)) : null;
	}

	private static Map<String, String> params(String raw) {
		Map<String, String> params = new HashMap<>();
		if (raw == null) {
			return params;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return params;
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
