package org.gatehouse.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Adds a host application's own rules to Gatehouse's page filter chain, the catch-all chain that
 * serves every URL no other chain claims. Declare one (or more) as a bean:
 *
 * <pre>{@code
 * @Bean
 * GatehouseHttpSecurityCustomizer reportsNeedLogin() {
 *     return http -> http.authorizeHttpRequests(requests -> requests
 *         .requestMatchers("/reports/**").authenticated());
 * }
 * }</pre>
 *
 * Customizers run before Gatehouse adds its own rules, so a host's request matchers are tried first;
 * several run in {@link org.springframework.core.annotation.Order @Order}. Gatehouse ends the chain
 * with {@code anyRequest().permitAll()}, so a customizer must not call {@code anyRequest()} itself.
 * To take over a whole chain instead, declare a {@code SecurityFilterChain} bean of the same name
 * ({@code gatehouseSecurityFilterChain}, {@code gatehouseApiFilterChain},
 * {@code gatehouseApiTokenFilterChain}); a chain of the host's own with a narrower
 * {@code securityMatcher} and an {@code @Order} below {@code Ordered.LOWEST_PRECEDENCE} (where the page
 * chain sits) serves its URLs beside Gatehouse's.
 */
@FunctionalInterface
public interface GatehouseHttpSecurityCustomizer {

	void customize(HttpSecurity http) throws Exception;
}
