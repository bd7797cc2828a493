package org.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;

import org.gatehouse.account.Reauthentication;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.testapp.ContextRunners;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

class ApiTokenAutoConfigurationTest {

	private static final Class<?>[] OTHER_FEATURES = { JdbcClient.class, UserStore.class, Reauthentication.class,
			RestCsrfTokens.class };

	private final WebApplicationContextRunner web = ContextRunners.withMocks(new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiTokenAutoConfiguration.class))
		.withBean(GatehouseProperties.class)
		.withBean(Clock.class, Clock::systemUTC), OTHER_FEATURES);

	@Test
	void aWebApplicationGetsTheTokenServiceTheJdbcStoreAndTheApi() {
		web.run(context -> {
			assertThat(context).hasSingleBean(PersonalAccessTokens.class)
				.hasSingleBean(TokenRevocationOnPasswordChange.class)
				.hasSingleBean(ApiTokenController.class);
			assertThat(context.getBean(ApiTokenStore.class)).isInstanceOf(JdbcApiTokenStore.class);
		});
	}

	@Test
	void aNonWebApplicationGetsTheServiceWithoutTheApi() {
		ContextRunners.withMocks(new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ApiTokenAutoConfiguration.class))
			.withBean(GatehouseProperties.class)
			.withBean(Clock.class, Clock::systemUTC), OTHER_FEATURES)
			.run(context -> assertThat(context).hasSingleBean(PersonalAccessTokens.class)
				.doesNotHaveBean(ApiTokenController.class));
	}

	@Test
	void anApplicationsOwnTokenStoreReplacesTheJdbcOne() {
		ApiTokenStore own = mock(ApiTokenStore.class);
		web.withBean(ApiTokenStore.class, () -> own).run(context -> {
			assertThat(context).hasSingleBean(ApiTokenStore.class).doesNotHaveBean(JdbcApiTokenStore.class);
			context.getBean(PersonalAccessTokens.class).list(7);
			verify(own).listFor(7);
			verifyNoInteractions(context.getBean(JdbcClient.class));
		});
	}
}
