package org.gatehouse.security;

import org.gatehouse.config.GatehouseAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Gatehouse's Spring Security filter chains. Before Spring Boot's own security auto-configuration,
 * whose default chain and in-memory user back off once these exist. Not limited to web applications
 * yet: Gatehouse's controllers, still component-scanned, need the remember-me services declared here
 * in the command line's non-web context too.
 */
@AutoConfiguration(after = GatehouseAutoConfiguration.class,
		before = { ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class },
		beforeName = "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration")
@Import(WebSecurityConfiguration.class)
public class SecurityChainsAutoConfiguration {
}
