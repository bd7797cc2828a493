package org.gatehouse.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Problem details and the password policy's refusals speak the caller's Accept-Language. */
@GatehouseIntegrationTest
class LocalizedProblemsTest {

	@Autowired
	MockMvc mvc;

	private ResultActions signUp(String password, String... acceptLanguage) throws Exception {
		MockHttpServletRequestBuilder request = post("/api/register").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"i18n-" + UUID.randomUUID() + "@example.org\",\"password\":\"" + password + "\"}");
		for (String language : acceptLanguage) {
			request.header("Accept-Language", language);
		}
		return mvc.perform(request).andExpect(status().isBadRequest());
	}

	@Test
	void aBadSignUpIsRefusedInGerman() throws Exception {
		signUp("kurz", "de")
			.andExpect(jsonPath("$.detail").value("Die Eingaben sind nicht gültig"))
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[*].message",
					Matchers.hasItem("Das Passwort muss mindestens 12 Zeichen lang sein.")));
	}

	@Test
	void aBadSignUpIsRefusedInFrenchAndByDefaultInEnglish() throws Exception {
		signUp("password", "fr-FR")
			.andExpect(jsonPath("$.errors[*].message", Matchers.hasItem(
					"Ce mot de passe fait partie des plus courants ; choisissez-en un autre.")));
		signUp("kurz")
			.andExpect(jsonPath("$.detail").value("Validation failed"))
			.andExpect(jsonPath("$.errors[*].message",
					Matchers.hasItem("Password must be at least 12 characters long.")));
	}

	@Test
	void aFailedLoginIsRefusedInFrench() throws Exception {
		mvc.perform(post("/api/login").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "fr")
				.content("{\"email\":\"nobody-" + UUID.randomUUID() + "@example.org\",\"password\":\"wrong-password-1\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail")
				.value("L’adresse e-mail, le nom d’utilisateur ou le mot de passe est incorrect."));
	}

	@Test
	void refusalsTheControllersChooseSpeakTheCallersLanguage() throws Exception {
		mvc.perform(post("/api/confirm-email").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "de")
				.content("{\"token\":\"forged-token\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Dieser Bestätigungslink ist ungültig, abgelaufen oder schon benutzt."));
		mvc.perform(post("/api/reset-password").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "fr")
				.content("{\"token\":\"forged-token\",\"password\":\"velvet-canyon-drum-91\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Ce lien de réinitialisation est invalide, expiré ou déjà utilisé."));
		mvc.perform(post("/api/confirm-email").contentType(MediaType.APPLICATION_JSON)
				.content("{\"token\":\"forged-token\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("This confirmation link is invalid, expired or already used."));
	}
}
