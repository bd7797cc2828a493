package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@GatehouseIntegrationTest
class HomePageTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theInvitationToLogInOrSignUpLinksBoth() throws Exception {
		String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<p id=\"home-anonymous\"><a id=\"home-login\" href=\"/login/\">Log in</a> or "
				+ "<a id=\"home-register\" href=\"/signup/\">create an account</a> to continue.</p>");
	}
}
