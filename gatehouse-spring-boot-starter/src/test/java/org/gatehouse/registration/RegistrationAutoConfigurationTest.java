package org.gatehouse.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.account.AccountContextRunner;
import org.junit.jupiter.api.Test;

class RegistrationAutoConfigurationTest {

	@Test
	void signUpIsOnByDefault() {
		AccountContextRunner.web().run(context -> assertThat(context).hasSingleBean(AccountRegistration.class)
			.hasSingleBean(SignUpMails.class).hasSingleBean(RegistrationController.class)
			.hasSingleBean(RegistrationApiController.class));
	}

	@Test
	void registerableOffLeavesNoSignUp() {
		AccountContextRunner.web().withPropertyValues("gatehouse.features.registerable=false")
			.run(context -> assertThat(context).doesNotHaveBean(AccountRegistration.class)
				.doesNotHaveBean(SignUpMails.class).doesNotHaveBean(RegistrationController.class)
				.doesNotHaveBean(RegistrationApiController.class));
	}
}
