package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gatehouse.testapp.HiddenLibraries;
import org.gatehouse.testapp.StarterContextRunner;
import org.junit.jupiter.api.Test;
import org.springdoc.core.models.GroupedOpenApi;

/** Gatehouse describes its API in a springdoc group of its own, and only when springdoc is there. */
class ApiDocsConfigurationTest {

	@Test
	void withSpringdocGatehouseAddsItsGroupAndLeavesTheApplicationsSettings() {
		StarterContextRunner.withStarter().run(context -> {
			assertThat(context).hasNotFailed();
			GroupedOpenApi group = context.getBean(GroupedOpenApi.class);
			assertThat(group.getGroup()).isEqualTo("gatehouse");
			assertThat(group.getPathsToMatch()).containsExactly("/api/**");
			assertThat(context.getEnvironment().getProperty("springdoc.api-docs.path")).isNull();
			assertThat(context.getEnvironment().getProperty("springdoc.paths-to-match")).isNull();
		});
	}

	@Test
	void withoutSpringdocTheApiStillWorksUndescribed() {
		StarterContextRunner.withStarter()
			.withClassLoader(new HiddenLibraries(List.of("springdoc-openapi", "swagger-"), "org.springdoc.", "io.swagger."))
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ApiDocsConfiguration.class)
				.hasBean("org.gatehouse.session.SessionApiController"));
	}

	@Test
	void docsCanBeTurnedOff() {
		StarterContextRunner.withStarter().withPropertyValues("gatehouse.api.docs-enabled=false")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GroupedOpenApi.class));
	}
}
