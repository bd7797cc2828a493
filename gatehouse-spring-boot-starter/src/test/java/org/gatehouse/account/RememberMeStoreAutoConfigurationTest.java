package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

class RememberMeStoreAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RememberMeStoreAutoConfiguration.class))
		.withBean(JdbcClient.class, () -> mock(JdbcClient.class));

	@Test
	void rememberMeLoginsAreKeptInTheTableByDefault() {
		runner.run(context -> assertThat(context.getBean(RememberMeTokenStore.class))
			.isInstanceOf(JdbcRememberMeTokenStore.class));
	}

	@Test
	void anApplicationsOwnStoreReplacesTheTable() {
		RememberMeTokenStore own = mock(RememberMeTokenStore.class);
		runner.withBean(RememberMeTokenStore.class, () -> own)
			.run(context -> assertThat(context).getBean(RememberMeTokenStore.class).isSameAs(own));
	}
}
