package org.gatehouse.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The JSON API shares the pages' rate limits: past the limit, 429 problem+json with Retry-After. */
@GatehouseIntegrationTest
class ApiRateLimitTest {

	@Autowired
	MockMvc mvc;

	@Test
	void forgotPasswordIsLimitedPerAddress() throws Exception {
		String body = "{\"email\":\"r" + UUID.randomUUID().toString().substring(0, 8) + "@example.org\"}";
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/api/forgot-password").contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().is2xxSuccessful());
		}
		mvc.perform(post("/api/forgot-password").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(429));
	}
}
