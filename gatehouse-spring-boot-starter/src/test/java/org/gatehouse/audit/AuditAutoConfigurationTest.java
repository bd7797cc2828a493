package org.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.tasks.CleanupRunner;
import org.gatehouse.testapp.ContextRunners;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

class AuditAutoConfigurationTest {

	private static final Class<?>[] OTHER_FEATURES = { JdbcClient.class, UserStore.class, CleanupRunner.class };

	private final WebApplicationContextRunner web = ContextRunners.withMocks(new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class))
		.withBean(GatehouseProperties.class)
		.withBean(Clock.class, Clock::systemUTC), OTHER_FEATURES);

	@Test
	void theLogIsWrittenToTheTableExpiresAndHasItsPages() {
		web.run(context -> {
			assertThat(context).hasSingleBean(AuditSink.class).hasSingleBean(SecurityEventRecorder.class)
				.hasSingleBean(AuthenticationEventsAuditor.class).hasSingleBean(AuditRetentionSchedule.class)
				.hasSingleBean(AdminAuditController.class).hasSingleBean(SecurityLogController.class);
		});
	}

	@Test
	void withoutScheduledTasksNothingExpiresTheLogAndANonWebApplicationHasNoPages() {
		ContextRunners.withMocks(new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class))
			.withBean(GatehouseProperties.class)
			.withBean(Clock.class, Clock::systemUTC), OTHER_FEATURES)
			.withPropertyValues("gatehouse.tasks.enabled=false")
			.run(context -> assertThat(context).hasSingleBean(AuditSink.class)
				.doesNotHaveBean(AuditRetentionSchedule.class)
				.doesNotHaveBean(AdminAuditController.class));
	}

	/**
	 * A host sends the log elsewhere with a sink of its own, and hears every security event, here a
	 * Spring Security login turned into a LOGIN_SUCCESS, with an {@code @EventListener}.
	 */
	@Test
	void anApplicationsOwnSinkReplacesTheTableAndItsListenersHearEveryEvent() {
		web.withUserConfiguration(Host.class).run(context -> {
			AccountPrincipal principal = AccountPrincipal.of(new User(42, "ann@example.org", null, null, true, null,
					null, null, null, null, null, 0, null, Set.of()));
			context.publishEvent(new AuthenticationSuccessEvent(
					UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of())));

			SecurityEvent expected = SecurityEvent.byUser(SecurityEventType.LOGIN_SUCCESS, 42, "password");
			assertThat(context.getBean(Host.class).written).containsExactly(expected);
			assertThat(context.getBean(Host.class).heard).containsExactly(expected);
			verifyNoInteractions(context.getBean(JdbcClient.class));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Host {

		final List<SecurityEvent> written = new CopyOnWriteArrayList<>();
		final List<SecurityEvent> heard = new CopyOnWriteArrayList<>();

		@Bean
		AuditSink hostAuditSink() {
			return (event, ip, userAgent) -> written.add(event);
		}

		@EventListener
		void securityEvent(SecurityEvent event) {
			heard.add(event);
		}
	}
}
