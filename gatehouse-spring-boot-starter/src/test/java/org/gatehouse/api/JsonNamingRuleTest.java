package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md: every JSON field name is snake_case. Checked over the OpenAPI description (every
 * property of every schema, nested ones included) and over live answers of the main GET
 * endpoints (every key at every depth), with a session and a token so that no list is empty.
 */
@GatehouseServerTest
class JsonNamingRuleTest {

	static final Pattern SNAKE_CASE = Pattern.compile("^[a-z][a-z0-9_]*$");

	@LocalServerPort
	int port;

	@Autowired
	UserStore userStore;

	@Autowired
	PasswordService passwords;

	@Test
	void everyFieldNameIsSnakeCase() {
		List<String> offending = new ArrayList<>();

		ApiClient.Response openApi = new ApiClient(port).get("/api/openapi.json");
		assertThat(openApi.status()).as(openApi.body()).isEqualTo(200);
		JsonNode schemas = openApi.json().path("components").path("schemas");
		assertThat(schemas.size()).isGreaterThan(3);
		for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
			schemaProperties("openapi " + schema.getKey(), schema.getValue(), offending);
		}

		String email = ApiTestUsers.uniqueEmail();
		long id = new ApiTestUsers(userStore, passwords).create(email);
		userStore.addRole(id, "admin");
		ApiClient admin = new ApiClient(port);
		assertThat(admin.post("/api/login", Map.of("email", email, "password", ApiTestUsers.PASSWORD)).status())
			.isEqualTo(200);
		ApiClient.Response token = admin.post("/api/tokens",
				Map.of("password", ApiTestUsers.PASSWORD, "name", "cli", "scopes", List.of("user:read")));
		assertThat(token.status()).as(token.body()).isEqualTo(201);
		keys("POST /api/tokens", token.json(), offending);

		for (String path : List.of("/api/me", "/api/sessions", "/api/tokens", "/api/admin/users?q=" + email,
				"/api/admin/users/" + id)) {
			ApiClient.Response response = admin.get(path);
			assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
			JsonNode json = response.json();
			assertThat(json.isEmpty()).as(path).isFalse();
			keys("GET " + path, json, offending);
		}
		JsonNode detail = admin.get("/api/admin/users/" + id).json();
		assertThat(detail.path("sessions").size()).isPositive();
		assertThat(detail.path("tokens").size()).isPositive();

		assertThat(offending).isEmpty();
	}

	/** The names under every "properties" of a schema, through items, allOf/oneOf/anyOf and nested objects. */
	private static void schemaProperties(String where, JsonNode schema, List<String> offending) {
		if (schema.isArray()) {
			schema.forEach(s -> schemaProperties(where, s, offending));
			return;
		}
		if (!schema.isObject()) {
			return;
		}
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			if (!SNAKE_CASE.matcher(property.getKey()).matches()) {
				offending.add(where + "." + property.getKey());
			}
			schemaProperties(where + "." + property.getKey(), property.getValue(), offending);
		}
		for (String nested : List.of("items", "allOf", "oneOf", "anyOf", "additionalProperties")) {
			schemaProperties(where, schema.path(nested), offending);
		}
	}

	private static void keys(String where, JsonNode json, List<String> offending) {
		if (json.isArray()) {
			json.forEach(element -> keys(where + "[]", element, offending));
		}
		else if (json.isObject()) {
			for (Map.Entry<String, JsonNode> field : json.properties()) {
				if (!SNAKE_CASE.matcher(field.getKey()).matches()) {
					offending.add(where + " " + field.getKey());
				}
				keys(where + "." + field.getKey(), field.getValue(), offending);
			}
		}
	}
}
