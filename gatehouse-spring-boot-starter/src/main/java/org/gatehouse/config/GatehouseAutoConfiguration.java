package org.gatehouse.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * What every Gatehouse feature shares: its configuration tree ({@code gatehouse.*}) and the clock its
 * timestamps and expiries are read from. Each feature has its own auto-configuration in its own package,
 * ordered after this one (listed in AutoConfiguration.imports); nothing is found by component scanning.
 */
@AutoConfiguration
@EnableConfigurationProperties(GatehouseProperties.class)
public class GatehouseAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public Clock clock() {
		return Clock.systemUTC();
	}
}
