package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.gatehouse.crypto.CryptoAutoConfiguration;
import org.gatehouse.crypto.SecretKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AccountAutoConfigurationTest {

	@Test
	void accountsComeWithTheJdbcUserStoreLoginAndRememberMe() {
		AccountContextRunner.web().run(context -> {
			assertThat(context).hasSingleBean(UserStore.class).hasSingleBean(JdbcUserStore.class)
				.hasSingleBean(RememberMeTokenStore.class).hasSingleBean(AccountAuthenticationProvider.class)
				.hasSingleBean(SessionLogin.class).hasSingleBean(CredentialRevocation.class)
				.hasSingleBean(Reauthentication.class).hasSingleBean(LoginController.class)
				.hasSingleBean(AccountApiController.class).hasSingleBean(SecretKeys.class);
		});
	}

	/** An application that keeps its users elsewhere brings its own store; every feature then uses it. */
	@Test
	void theApplicationsOwnUserStoreReplacesTheJdbcOne() {
		UserStore own = mock(UserStore.class);
		AccountContextRunner.web().withBean("myUsers", UserStore.class, () -> own).run(context -> {
			assertThat(context).hasSingleBean(UserStore.class).doesNotHaveBean(JdbcUserStore.class);
			assertThat(context.getBean(UserStore.class)).isSameAs(own);
		});
	}

	@Test
	void theApplicationsOwnRememberMeTokenStoreReplacesGatehouses() {
		RememberMeTokenStore own = mock(RememberMeTokenStore.class);
		AccountContextRunner.web().withBean("myTokens", RememberMeTokenStore.class, () -> own).run(context -> {
			assertThat(context).hasSingleBean(RememberMeTokenStore.class);
			assertThat(context.getBean(RememberMeTokenStore.class)).isSameAs(own);
		});
	}

	/** Outside a web application (a command line tool, a batch job) the store and services work without pages. */
	@Test
	void withoutAWebApplicationThereAreNoControllers() {
		new ApplicationContextRunner()
			.withInitializer(context -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class, AccountAutoConfiguration.class))
			.run(context -> assertThat(context).hasSingleBean(UserStore.class).hasSingleBean(SessionLogin.class)
				.doesNotHaveBean(LoginController.class).doesNotHaveBean(AccountApiController.class));
	}
}
