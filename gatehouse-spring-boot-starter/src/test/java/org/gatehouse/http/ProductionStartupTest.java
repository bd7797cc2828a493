package org.gatehouse.http;

import org.gatehouse.mode.InsecureProductionSettingsException;
import org.gatehouse.http.testapp.HttpTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The validator is found through the starter's auto-configuration and stops a real application start. */
class ProductionStartupTest {

	@Test
	void unsafeProductionApplicationRefusesToStart() {
		SpringApplicationBuilder application = new SpringApplicationBuilder(HttpTestApplication.class)
				.web(WebApplicationType.NONE)
				.properties("gatehouse.mode=production", "gatehouse.secret-key=changeme",
						"gatehouse.data-directory=target/http-test-data", "spring.main.banner-mode=off");

		assertThatExceptionOfType(InsecureProductionSettingsException.class).isThrownBy(application::run)
				.withMessageContaining("gatehouse.secret-key (GATEHOUSE_SECRET_KEY) is a well-known placeholder value");
	}
}
