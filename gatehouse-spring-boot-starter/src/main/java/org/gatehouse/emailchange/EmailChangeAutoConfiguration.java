package org.gatehouse.emailchange;

import java.time.Clock;

import javax.sql.DataSource;

import org.gatehouse.account.AccountAutoConfiguration;
import org.gatehouse.admin.AdminAutoConfiguration;
import org.gatehouse.audit.AuditAutoConfiguration;
import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.tasks.BatchedDelete;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Change of email address (gatehouse.features.change-email, on by default; off, its URLs answer 404):
 * the requests' store, and in a web application the service the pages, the JSON API and the admin area
 * share (its links are made from the request), and those.
 */
@AutoConfiguration(after = { GatehouseAutoConfiguration.class, AccountAutoConfiguration.class,
		AdminAutoConfiguration.class, AuditAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "gatehouse.features.change-email", matchIfMissing = true)
@EnableConfigurationProperties(EmailChangeProperties.class)
public class EmailChangeAutoConfiguration {

	@Bean
	EmailChangeStore gatehouseEmailChangeStore(JdbcClient jdbc, Clock clock) {
		return new EmailChangeStore(jdbc, clock);
	}

	@Bean
	EndedEmailChangesTask gatehouseEndedEmailChangesTask(DataSource dataSource, EmailChangeProperties properties,
			Clock clock) {
		return new EndedEmailChangesTask(new BatchedDelete(dataSource, BatchedDelete.BATCH), properties, clock);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ EmailChanges.class, EmailChangeController.class, EmailChangeApiController.class, AdminEmailChangeController.class })
	static class Web {
	}
}
