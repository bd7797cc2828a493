package org.gatehouse.audit;

import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.tasks.CleanupRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The security log: Spring Security's authentication events and Gatehouse's {@link SecurityEvent}s
 * go to the {@link AuditSink} (the table gh_audit_log unless the application declares its own),
 * old entries expire, and the pages show them to administrators and to each user.
 */
@AutoConfiguration(after = GatehouseAutoConfiguration.class)
@Import({ AuditLog.class, SecurityEventRecorder.class, AuthenticationEventsAuditor.class, AccountEventsAuditor.class,
		AuditRetentionTask.class })
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuditSink gatehouseAuditSink(AuditLog auditLog) {
		return auditLog::append;
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "gatehouse.tasks.enabled", matchIfMissing = true)
	AuditRetentionSchedule gatehouseAuditRetentionSchedule(CleanupRunner runner, AuditProperties properties) {
		return new AuditRetentionSchedule(runner, properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ AdminAuditController.class, SecurityLogController.class, SecurityLogRows.class })
	static class Pages {
	}
}
