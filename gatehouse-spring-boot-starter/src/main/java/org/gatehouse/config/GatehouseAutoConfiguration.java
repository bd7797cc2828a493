package org.gatehouse.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Entry point of the starter. Each feature package contributes its own configuration
 * classes, picked up here so an application only needs the starter on its class path.
 * The scan uses the exclude filters of {@code @SpringBootApplication}, so test-only classes
 * ({@code @TestConfiguration}, {@code @TestComponent}) stay out of other tests' contexts.
 */
@AutoConfiguration
@EnableConfigurationProperties(GatehouseProperties.class)
@ComponentScan(basePackages = "org.gatehouse", excludeFilters = {
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class) })
public class GatehouseAutoConfiguration {
}
