package org.gatehouse.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@GatehouseIntegrationTest
class HealthAndErrorsTest {

	@Autowired
	MockMvc mvc;

	@Test
	void healthIsUpWithoutDetailsForAnonymousCallers() throws Exception {
		mvc.perform(get("/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist())
			.andExpect(jsonPath("$.details").doesNotExist());
		mvc.perform(get("/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/health/liveness")).andExpect(status().isOk());
	}

	@Test
	void unknownPageIsNotFound() throws Exception {
		mvc.perform(get("/no-such-page")).andExpect(status().isNotFound());
	}

	@Test
	void homePageIsServedWithTheStrictPolicy() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", Matchers.containsString("charset=UTF-8")))
			.andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self' 'nonce-")))
			.andExpect(header().string("Content-Security-Policy", Matchers.not(Matchers.containsString("unsafe-"))))
			.andExpect(content().string(Matchers.containsString("integrity=\"sha384-")));
	}
}
