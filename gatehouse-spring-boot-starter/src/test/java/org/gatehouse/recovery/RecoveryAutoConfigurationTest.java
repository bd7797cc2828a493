package org.gatehouse.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.account.AccountContextRunner;
import org.junit.jupiter.api.Test;

class RecoveryAutoConfigurationTest {

	@Test
	void recoveryIsOnByDefault() {
		AccountContextRunner.web().run(context -> assertThat(context).hasSingleBean(PasswordRecovery.class)
			.hasSingleBean(RecoveryController.class).hasSingleBean(RecoveryApiController.class));
	}

	@Test
	void recoverableOffLeavesNoRecovery() {
		AccountContextRunner.web().withPropertyValues("gatehouse.features.recoverable=false")
			.run(context -> assertThat(context).doesNotHaveBean(PasswordRecovery.class)
				.doesNotHaveBean(RecoveryController.class).doesNotHaveBean(RecoveryApiController.class));
	}
}
