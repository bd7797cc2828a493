package org.example.library;

import org.gatehouse.security.GatehouseHttpSecurityCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's rules for its own URLs, added to Gatehouse's page chain: Gatehouse keeps its
 * login, logout, CSRF and remember-me, and the reading list needs a logged-in user.
 */
@Configuration(proxyBeanMethods = false)
class LibrarySecurity {

	@Bean
	GatehouseHttpSecurityCustomizer libraryRules() {
		return http -> http.authorizeHttpRequests(requests -> requests.requestMatchers("/books/**").authenticated());
	}
}
