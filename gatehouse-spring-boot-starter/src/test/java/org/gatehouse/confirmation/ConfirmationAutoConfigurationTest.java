package org.gatehouse.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.account.AccountContextRunner;
import org.junit.jupiter.api.Test;

class ConfirmationAutoConfigurationTest {

	@Test
	void confirmationIsOnByDefault() {
		AccountContextRunner.web().run(context -> assertThat(context).hasSingleBean(EmailConfirmation.class)
			.hasSingleBean(ConfirmationController.class).hasSingleBean(ConfirmationApiController.class)
			.hasSingleBean(ConfirmationMails.class));
	}

	/** The confirmation mail stays: an administrator who adds a user may still send one. */
	@Test
	void confirmableOffLeavesNoConfirmationPagesOrEndpoints() {
		AccountContextRunner.web().withPropertyValues("gatehouse.features.confirmable=false")
			.run(context -> assertThat(context).doesNotHaveBean(EmailConfirmation.class)
				.doesNotHaveBean(ConfirmationController.class).doesNotHaveBean(ConfirmationApiController.class)
				.hasSingleBean(ConfirmationMails.class));
	}
}
