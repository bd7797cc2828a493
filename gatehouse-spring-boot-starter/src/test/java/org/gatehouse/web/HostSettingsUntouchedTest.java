package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gatehouse.security.testapp.HostApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A host application keeps its own settings, error controller and error answers: the starter sets
 * none of the host-wide properties it used to, and Gatehouse's error handling stays on Gatehouse's URLs.
 */
@HostApplicationTest
class HostSettingsUntouchedTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	MockMvc mvc;

	@Test
	void noHostWideSettingIsMadeForTheHost() {
		for (String key : new String[] { "spring.messages.basename", "spring.messages.fallback-to-system-locale",
				"spring.mvc.problemdetails.enabled", "server.error.whitelabel.enabled", "server.error.include-stacktrace",
				"server.error.include-message", "server.error.include-exception", "server.servlet.encoding.force",
				"spring.mvc.publish-request-handled-events", "management.observations.enable.http.server.requests",
				"management.endpoints.web.base-path", "management.endpoints.web.exposure.include",
				"management.endpoint.health.show-details", "management.endpoint.health.probes.enabled" }) {
			assertThat(environment.getProperty(key)).as(key).isNull();
		}
	}

	@Test
	void theErrorControllerIsSpringBootsNotGatehouses() {
		assertThat(context.getBeansOfType(ErrorController.class).values())
			.singleElement().isInstanceOf(BasicErrorController.class);
	}

	@Test
	void theHostsErrorsAreNotAnsweredByGatehouse() throws Exception {
		String type = mvc.perform(get("/open/conflict")).andExpect(status().isConflict()).andReturn().getResponse()
			.getContentType();
		assertThat(type).as("no problem document on the host's URLs").isNull();
	}

	@Test
	void gatehousesApiStillAnswersWithProblemDocuments() throws Exception {
		mvc.perform(get("/api/no-such-endpoint"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"));
	}
}
