package org.gatehouse.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.gatehouse.account.AccountContextRunner;
import org.gatehouse.account.PasswordCheck;
import org.gatehouse.passwords.PasswordContext;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordAutoConfigurationTest {

	@Test
	void passwordChangeIsOnByDefault() {
		AccountContextRunner.web().run(context -> assertThat(context).hasSingleBean(PasswordService.class)
			.hasSingleBean(PasswordCheck.class).hasSingleBean(PasswordChange.class)
			.hasSingleBean(ChangePasswordController.class).hasSingleBean(PasswordApiController.class));
	}

	/** Login still checks passwords: only the change-password feature goes. */
	@Test
	void changeableOffLeavesNoPasswordChange() {
		AccountContextRunner.web().withPropertyValues("gatehouse.features.changeable=false")
			.run(context -> assertThat(context).doesNotHaveBean(PasswordChange.class)
				.doesNotHaveBean(ChangePasswordController.class).doesNotHaveBean(PasswordApiController.class)
				.hasSingleBean(PasswordService.class).hasSingleBean(PasswordCheck.class));
	}

	@Test
	void theApplicationsOwnPasswordContextAndEncoderReplaceGatehouses() {
		PasswordContext context = mock(PasswordContext.class);
		@SuppressWarnings("deprecation")
		PasswordEncoder encoder = NoOpPasswordEncoder.getInstance();
		AccountContextRunner.web().withBean(PasswordContext.class, () -> context)
			.withBean(PasswordEncoder.class, () -> encoder)
			.run(app -> {
				assertThat(app.getBean(PasswordContext.class)).isSameAs(context);
				assertThat(app.getBean(PasswordEncoder.class)).isSameAs(encoder);
			});
	}
}
