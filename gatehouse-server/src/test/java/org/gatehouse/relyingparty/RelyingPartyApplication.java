package org.gatehouse.relyingparty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A second application of the institution that knows nothing of Gatehouse but its issuer URL: Spring Security's
 * oauth2Login, RP-initiated logout and back-channel logout. Gatehouse's own auto-configurations are left out (the
 * starter is on this test classpath), as are the database, session store and Flyway it does not need. Outside
 * org.gatehouse.server, so that the server's component scan never finds it.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
		"org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
		"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@RestController
public class RelyingPartyApplication {

	/** Starts on 127.0.0.1 (its cookies apart from Gatehouse's on localhost). */
	public static ConfigurableApplicationContext start(int port, String issuer, String clientId, String clientSecret) {
		List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
				"--spring.main.banner-mode=off", "--spring.autoconfigure.exclude=" + String.join(",", gatehouseAutoConfigurations()),
				"--spring.security.oauth2.client.registration.gatehouse.client-id=" + clientId,
				"--spring.security.oauth2.client.registration.gatehouse.client-secret=" + clientSecret,
				"--spring.security.oauth2.client.registration.gatehouse.scope=openid,profile,email",
				"--spring.security.oauth2.client.provider.gatehouse.issuer-uri=" + issuer));
		return new SpringApplicationBuilder(RelyingPartyApplication.class).run(args.toArray(String[]::new));
	}

	private static List<String> gatehouseAutoConfigurations() {
		try (InputStream in = RelyingPartyApplication.class.getClassLoader().getResourceAsStream(
				"META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
				.filter(line -> line.startsWith("org.gatehouse.")).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Bean
	SecurityFilterChain relyingParty(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		logout.setPostLogoutRedirectUri("{baseUrl}/signed-out");
		http.authorizeHttpRequests(authorize -> authorize.requestMatchers("/signed-out").permitAll()
				.anyRequest().authenticated())
			.oauth2Login(Customizer.withDefaults())
			.oidcLogout(oidc -> oidc.backChannel(Customizer.withDefaults()))
			.logout(out -> out.logoutSuccessHandler(logout));
		return http.build();
	}

	@GetMapping(path = "/", produces = "text/html")
	String home(@AuthenticationPrincipal OidcUser user) {
		return "<!DOCTYPE html><html><body><p id=\"rp-user\">Signed in as " + user.getEmail() + " (" + user.getSubject()
				+ ")</p><a id=\"rp-logout\" href=\"/logout\">Sign out</a></body></html>";
	}

	@GetMapping(path = "/signed-out", produces = "text/html")
	String signedOut() {
		return "<!DOCTYPE html><html><body><p id=\"rp-signed-out\">Signed out</p></body></html>";
	}
}
