package org.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.gatehouse.account.AccountLinks;
import org.gatehouse.account.CredentialRevocation;
import org.gatehouse.account.Reauthentication;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.confirmation.ConfirmationMails;
import org.gatehouse.crypto.Signers;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.mail.AccountMailer;
import org.gatehouse.password.PasswordService;
import org.gatehouse.session.UserSessions;
import org.gatehouse.testapp.ContextRunners;
import org.gatehouse.throttle.LoginThrottle;
import org.gatehouse.token.ApiTokenController;
import org.gatehouse.token.PersonalAccessTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.mvc.ParameterizableViewController;

class AdminAutoConfigurationTest {

	private static final Class<?>[] OTHER_FEATURES = { UserStore.class, UserSessions.class, PersonalAccessTokens.class,
			Reauthentication.class, RestCsrfTokens.class, ConfirmationMails.class, LoginThrottle.class,
			CredentialRevocation.class, PasswordService.class, Signers.class, TransactionTemplate.class,
			AccountLinks.class, AccountMailer.class };

	private static <R extends AbstractApplicationContextRunner<R, ?, ?>> R admin(R runner) {
		return ContextRunners.withMocks(runner.withConfiguration(AutoConfigurations.of(AdminAutoConfiguration.class))
			.withBean(GatehouseProperties.class)
			.withBean(Clock.class, Clock::systemUTC), OTHER_FEATURES);
	}

	@Test
	void aWebApplicationGetsTheSharedServicesThePagesAndTheApi() {
		admin(new WebApplicationContextRunner()).run(context -> assertThat(context)
			.hasSingleBean(RoleAssignments.class).hasSingleBean(BanService.class).hasSingleBean(LoginLocks.class)
			.hasSingleBean(AdminUserActions.class).hasSingleBean(FirstAdminSetup.class)
			.hasSingleBean(AdminUsersController.class).hasSingleBean(AdminApiController.class)
			.hasSingleBean(ReauthenticationRequiredHandler.class));
	}

	@Test
	void theCommandLinesContextGetsTheServicesWithoutPages() {
		admin(new ApplicationContextRunner()).run(context -> assertThat(context)
			.hasSingleBean(RoleAssignments.class).hasSingleBean(BanService.class).hasSingleBean(LoginLocks.class)
			.hasSingleBean(UserImport.class).hasSingleBean(FirstAdminSetup.class)
			.doesNotHaveBean(AdminUsersController.class).doesNotHaveBean(ReauthenticationRequiredHandler.class));
	}

	/** The re-authentication answer is for Gatehouse's controllers; an application's own keep their handling. */
	@Test
	void theReauthenticationAdviceAppliesToGatehousesControllersOnly() {
		admin(new WebApplicationContextRunner()).run(context -> {
			ControllerAdviceBean advice = ControllerAdviceBean.findAnnotatedBeans(context).stream()
				.filter(bean -> bean.getBeanType() == ReauthenticationRequiredHandler.class).findFirst().orElseThrow();
			assertThat(advice.isApplicableToBeanType(AdminApiController.class)).isTrue();
			assertThat(advice.isApplicableToBeanType(ApiTokenController.class)).isTrue();
			assertThat(advice.isApplicableToBeanType(ParameterizableViewController.class)).isFalse();
		});
	}
}
