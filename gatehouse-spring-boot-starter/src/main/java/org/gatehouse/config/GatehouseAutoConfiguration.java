package org.gatehouse.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * Entry point of the starter. Each feature package contributes its own configuration
 * classes, picked up here so an application only needs the starter on its class path.
 */
@AutoConfiguration
@EnableConfigurationProperties(GatehouseProperties.class)
@ComponentScan(basePackages = "org.gatehouse")
public class GatehouseAutoConfiguration {
}
