package org.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.gatehouse.security.testapp.HostApplicationTest;
import org.gatehouse.security.testapp.HostSecurityApplication;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

/** A host application's own security rules beside Gatehouse's chains ({@link HostSecurityApplication}). */
@HostApplicationTest
class HostSecurityRulesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void aCustomizerRuleSendsAnonymousVisitorsOfAHostPageToTheLoginPage() throws Exception {
		mvc.perform(get("/reports/"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", Matchers.startsWith("/login/")));
	}

	@Test
	void aCustomizerRuleLetsALoggedInUserIn() throws Exception {
		mvc.perform(get("/reports/").with(user("reader"))).andExpect(status().isOk()).andExpect(content().string("reports"));
	}

	@Test
	void gatehouseRulesStillFollowTheHostsRules() throws Exception {
		mvc.perform(get("/open/")).andExpect(status().isOk());
		mvc.perform(get("/account/settings/sessions/"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", Matchers.startsWith("/login/")));
		mvc.perform(get("/login/")).andExpect(status().isOk());
	}

	@Test
	void theHostsOwnChainServesItsUrls() throws Exception {
		mvc.perform(get("/host/ping"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic")));
		mvc.perform(get("/host/ping").with(user("host"))).andExpect(status().isOk()).andExpect(content().string("pong"));
	}

	@Test
	void aBeanNamedLikeAGatehouseChainReplacesIt() throws Exception {
		mvc.perform(get("/api/me").header("Authorization", "Bearer gat_whatever")).andExpect(status().isIAmATeapot());
		// Gatehouse's session API chain is still there
		mvc.perform(get("/api/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType("application/problem+json"));
		List<String> chains = List.of(context.getBeanNamesForType(SecurityFilterChain.class));
		assertThat(chains).containsExactlyInAnyOrder("hostChain", "gatehouseApiTokenFilterChain",
				"gatehouseApiFilterChain", "gatehouseSecurityFilterChain");
	}
}
