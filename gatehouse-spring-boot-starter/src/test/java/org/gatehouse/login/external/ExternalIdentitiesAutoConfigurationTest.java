package org.gatehouse.login.external;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.testapp.StarterContextRunner;
import org.junit.jupiter.api.Test;

/**
 * The identities' service exists wherever a provider is configured, also without a web server (the command line);
 * their endpoints only in a web application with a provider, so that without one they answer 404.
 */
class ExternalIdentitiesAutoConfigurationTest {

	private static final String PROVIDER = "gatehouse.login.providers.orcid.client-id=APP-1";

	@Test
	void outsideAWebApplicationTheServiceAloneIsThere() {
		StarterContextRunner.withStarterOutsideAWebApplication().withPropertyValues(PROVIDER)
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(IdentityLinks.class)
				.doesNotHaveBean(ExternalAccounts.class).doesNotHaveBean(IdentitiesApiController.class));
	}

	@Test
	void withoutAProviderThereIsNeitherServiceNorEndpoint() {
		StarterContextRunner.withStarter()
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(IdentityLinks.class)
				.doesNotHaveBean(IdentitiesApiController.class).doesNotHaveBean(AdminIdentitiesController.class));
		StarterContextRunner.withStarterOutsideAWebApplication()
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(IdentityLinks.class));
	}

	@Test
	void aWebApplicationWithAProviderHasTheEndpoints() {
		StarterContextRunner.withStarter().withPropertyValues(PROVIDER)
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(IdentityLinks.class)
				.hasSingleBean(IdentitiesApiController.class).hasSingleBean(AdminIdentitiesController.class)
				.hasSingleBean(ExternalAccounts.class));
	}
}
