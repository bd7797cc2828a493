package org.gatehouse.http.testapp;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Minimal application for HTTP-level tests of the hardening filters, named explicitly by
 * {@code @SpringBootTest(classes = ...)}. Deliberately not a {@code @SpringBootConfiguration},
 * so other tests searching upwards for one never find it, and a test component, so the
 * starter's package scan does not pull it into their contexts.
 */
@TestComponent
@EnableAutoConfiguration
@Import({ EchoController.class, PageController.class })
public class HttpTestApplication {

	/**
	 * Stands in for Gatehouse's page chain (replaced by declaring a bean of its name); Spring Security's
	 * own headers are off, as in the real one.
	 */
	@Bean
	SecurityFilterChain gatehouseSecurityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.csrf(csrf -> csrf.disable())
				.headers(headers -> headers.disable())
				.build();
	}
}
