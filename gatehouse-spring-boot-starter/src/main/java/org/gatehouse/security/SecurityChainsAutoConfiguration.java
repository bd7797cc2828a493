package org.gatehouse.security;

import org.gatehouse.config.GatehouseAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Gatehouse's Spring Security filter chains. Before Spring Boot's own security auto-configuration,
 * whose default chain and in-memory user back off once these exist. Only in a servlet web application:
 * filter chains, method security on the controllers and the remember-me services serve requests, and
 * building them cost a non-web context (the server's command line) a second or more.
 */
@AutoConfiguration(after = GatehouseAutoConfiguration.class,
		before = { ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class },
		beforeName = "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(WebSecurityConfiguration.class)
public class SecurityChainsAutoConfiguration {
}
