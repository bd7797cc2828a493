package org.gatehouse.emailchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.account.AccountContextRunner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;

class EmailChangeAutoConfigurationTest {

	@Test
	void changeOfEmailIsOnByDefault() {
		AccountContextRunner.web().withConfiguration(AutoConfigurations.of(EmailChangeAutoConfiguration.class))
			.run(context -> assertThat(context).hasSingleBean(EmailChanges.class).hasSingleBean(EmailChangeStore.class)
				.hasSingleBean(EmailChangeController.class).hasSingleBean(EmailChangeApiController.class)
				.hasSingleBean(AdminEmailChangeController.class));
	}

	@Test
	void theFlagOffLeavesNoPagesOrEndpoints() {
		AccountContextRunner.web().withConfiguration(AutoConfigurations.of(EmailChangeAutoConfiguration.class))
			.withPropertyValues("gatehouse.features.change-email=false")
			.run(context -> assertThat(context).doesNotHaveBean(EmailChanges.class)
				.doesNotHaveBean(EmailChangeController.class).doesNotHaveBean(EmailChangeApiController.class)
				.doesNotHaveBean(AdminEmailChangeController.class));
	}
}
