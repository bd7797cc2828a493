package org.gatehouse.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Entry point of the starter. Each feature package contributes its own configuration
 * classes, picked up here so an application only needs the starter on its class path.
 * Auto-configurations of the features are listed in AutoConfiguration.imports instead,
 * because they must be ordered against Spring Boot's own. The scan uses the exclude
 * filters of {@code @SpringBootApplication}, and skips test applications.
 */
@AutoConfiguration
@EnableConfigurationProperties(GatehouseProperties.class)
@ComponentScan(
		basePackages = { "org.gatehouse.config", "org.gatehouse.crypto", "org.gatehouse.mode", "org.gatehouse.account",
				"org.gatehouse.registration", "org.gatehouse.confirmation", "org.gatehouse.recovery",
				"org.gatehouse.password", "org.gatehouse.session", "org.gatehouse.token", "org.gatehouse.admin",
				"org.gatehouse.audit", "org.gatehouse.tasks", "org.gatehouse.mail", "org.gatehouse.throttle" },
		excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
				@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
				@ComponentScan.Filter(type = FilterType.ANNOTATION, classes = AutoConfiguration.class),
				@ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.gatehouse\\..*testapp\\..*") })
public class GatehouseAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public Clock clock() {
		return Clock.systemUTC();
	}
}
