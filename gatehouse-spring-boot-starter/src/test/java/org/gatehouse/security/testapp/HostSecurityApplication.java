package org.gatehouse.security.testapp;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.gatehouse.security.GatehouseHttpSecurityCustomizer;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A host application with security rules of its own: /reports/ needs a login through Gatehouse's page
 * chain (a customizer), /host/** has a chain of its own (HTTP Basic), and Gatehouse's Bearer-token
 * chain is replaced by a bean of its name. Not a {@code @SpringBootConfiguration} and a test component,
 * like the HTTP test application, so no other test finds it.
 */
@TestComponent
@EnableAutoConfiguration
@Import(HostSecurityApplication.HostPages.class)
public class HostSecurityApplication {

	@Bean
	GatehouseHttpSecurityCustomizer reportsNeedLogin() {
		return http -> http.authorizeHttpRequests(requests -> requests.requestMatchers("/reports/**").authenticated());
	}

	@Bean
	@Order(0)
	SecurityFilterChain hostChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/host/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	/** Takes the place of Gatehouse's Bearer-token chain: every Bearer request to /api/ is refused with 418. */
	@Bean
	@Order(1)
	SecurityFilterChain gatehouseApiTokenFilterChain(HttpSecurity http) throws Exception {
		return http.securityMatcher(request -> request.getRequestURI().startsWith("/api/")
				&& String.valueOf(request.getHeader("Authorization")).startsWith("Bearer "))
			.authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> response.setStatus(418)))
			.build();
	}

	/** MockMvc sends no Host header by default; Gatehouse requires one. */
	@Bean
	MockMvcBuilderCustomizer hostHeader() {
		return builder -> builder.defaultRequest(get("/").header("Host", "localhost"));
	}

	@RestController
	static class HostPages {

		@GetMapping("/reports/")
		String reports() {
			return "reports";
		}

		@GetMapping("/host/ping")
		String ping() {
			return "pong";
		}

		@GetMapping("/open/")
		String open() {
			return "open";
		}

		@GetMapping("/open/conflict")
		String conflict() {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "the host's own reason");
		}
	}
}
