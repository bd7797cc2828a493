package org.gatehouse.server.browser;

import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the external sign-in tests: a small Spring Boot application of its own (Spring
 * Security's authorization server, its login form and discovery), on 127.0.0.1 and a port of its own, with one user
 * per test scenario. Only the auto-configurations it names are loaded, none of Gatehouse's. Each user's ID token
 * carries an email address and whether it is verified; a user whose name starts with "unverified" has
 * email_verified false.
 */
final class TestOidcProvider implements AutoCloseable {

	static final String PASSWORD = "idp-password-7";

	private final ConfigurableApplicationContext context;
	private final String runId;

	private TestOidcProvider(ConfigurableApplicationContext context, String runId) {
		this.context = context;
		this.runId = runId;
	}

	/** Starts the provider with clients that may return to Gatehouse at {@code gatehouseBaseUrl}. */
	static TestOidcProvider start(String gatehouseBaseUrl, String runId) {
		String client = "spring.security.oauth2.authorizationserver.client.";
		Map<String, Object> properties = new java.util.HashMap<>();
		properties.put("spring.config.name", "test-oidc-provider");
		properties.put("server.address", "127.0.0.1");
		properties.put("server.port", "0");
		properties.put("test.run-id", runId);
		for (String name : new String[] { "idp", "idptokens" }) {
			String prefix = client + name + ".registration.";
			properties.put(prefix + "client-id", "gatehouse-" + name);
			properties.put(prefix + "client-secret", "{noop}secret-" + name);
			properties.put(prefix + "client-authentication-methods", "client_secret_basic");
			properties.put(prefix + "authorization-grant-types", "authorization_code,refresh_token");
			properties.put(prefix + "redirect-uris", gatehouseBaseUrl + "/login/oauth2/code/" + name);
			properties.put(prefix + "scopes", "openid,profile,email");
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.SERVLET)
			.properties(properties)
			.run();
		return new TestOidcProvider(context, runId);
	}

	String issuer() {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** The address the provider reports for one of its users. */
	String email(String user) {
		return email(user, runId);
	}

	static String email(String user, String runId) {
		return user + "-" + runId + "@idp.example.org";
	}

	@Override
	public void close() {
		context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(classes = {
			org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
			org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
			org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
			org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
			org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
			org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
			org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
			org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
			org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class,
			org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class,
			org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration.class,
			org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration.class })
	static class Application {

		/** One user per scenario, so that each test's identities are its own. */
		static final String[] USERS = { "newcomer", "returning", "linker", "unverified", "unlinker", "keeper",
				"banned", "relinker" };

		@Bean
		UserDetailsService users() {
			InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
			for (String name : USERS) {
				users.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build());
			}
			return users;
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> emailClaims(org.springframework.core.env.Environment environment) {
			String runId = environment.getProperty("test.run-id");
			return context -> {
				if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					String user = context.getPrincipal().getName();
					context.getClaims().claim("email", email(user, runId));
					context.getClaims().claim("email_verified", !user.startsWith("unverified"));
				}
			};
		}
	}
}
