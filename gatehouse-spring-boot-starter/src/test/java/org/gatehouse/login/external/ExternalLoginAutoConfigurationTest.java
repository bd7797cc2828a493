package org.gatehouse.login.external;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.testapp.StarterContextRunner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/** External sign-in switches on with its first provider, and only where the OAuth2 client is on the class path. */
class ExternalLoginAutoConfigurationTest {

	@Test
	void offWithoutProviders() {
		StarterContextRunner.withStarter().run(context -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ExternalProviders.class).doesNotHaveBean(ExternalAccounts.class));
	}

	@Test
	void onWithOneProviderWhoseDiscoveryWaitsForTheFirstSignIn() {
		StarterContextRunner.withStarter()
			// nothing listens there: discovery at start-up would fail the start
			.withPropertyValues("gatehouse.login.providers.university.issuer-uri=http://127.0.0.1:9/realms/staff",
					"gatehouse.login.providers.university.client-id=gatehouse",
					"gatehouse.login.providers.orcid.client-id=APP-1")
			.run(context -> {
				assertThat(context).hasNotFailed().hasSingleBean(ExternalProviders.class)
					.hasSingleBean(ExternalAccounts.class);
				assertThat(context.getBean(ExternalProviders.class).buttons()).containsExactly(
						new ExternalProviders.Button("university", "university"),
						new ExternalProviders.Button("orcid", "ORCID"));
			});
	}

	@Test
	void offWithoutTheOAuth2Client() {
		StarterContextRunner.withStarter()
			.withClassLoader(new FilteredClassLoader(ClientRegistration.class))
			.withPropertyValues("gatehouse.login.providers.orcid.client-id=APP-1")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ExternalProviders.class));
	}
}
