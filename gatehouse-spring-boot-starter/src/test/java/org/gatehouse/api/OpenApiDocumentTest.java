package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

@GatehouseServerTest
class OpenApiDocumentTest {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiMappingIsDescribed() {
		ApiClient.Response response = new ApiClient(port).get("/api/openapi.json");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode paths = response.json().path("paths");

		List<String> missing = new ArrayList<>();
		List<String> apiMappings = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getPackageName().startsWith("org.springdoc")) {
				return; // the description's own endpoints
			}
			for (String path : info.getPatternValues()) {
				if (!path.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
					apiMappings.add(verb + " " + path);
					if (!paths.path(path).has(verb.name().toLowerCase(Locale.ROOT))) {
						missing.add(verb + " " + path);
					}
				}
			}
		});
		assertThat(apiMappings).contains("POST /api/login", "GET /api/me", "DELETE /api/tokens/{id}");
		assertThat(missing).isEmpty();
	}
}
