package org.gatehouse.server.browser;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the external sign-in tests: a small Spring Boot application of its own (Spring
 * Security's authorization server with discovery, JWKS and userinfo, and its default login form), on 127.0.0.1 and a
 * port of its own, with one user per test scenario. Only the auto-configurations it names are loaded, none of
 * Gatehouse's. Each user's ID token carries an email address and whether it is verified; a user whose name starts
 * with "unverified" has email_verified false. Two confidential clients: gatehouse-idp and gatehouse-idptokens.
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
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.SERVLET)
			.properties(Map.of("spring.config.name", "test-oidc-provider", "server.address", "127.0.0.1",
					"server.port", "0", "test.run-id", runId, "test.gatehouse-base-url", gatehouseBaseUrl))
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

	/** Not a @Configuration: the server's component scan, which reaches the test classes, must not find it. */
	@EnableWebSecurity
	@ImportAutoConfiguration(classes = {
			org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
			org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
			org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
			org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
			org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
			org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
			org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
			org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class })
	static class Application {

		/** One user per scenario, so that each test's identities are its own. */
		static final String[] USERS = { "newcomer", "returning", "linker", "unverified", "unlinker", "keeper",
				"banned", "relinker", "twostep" };

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer(server -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
				.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		RegisteredClientRepository clients(Environment environment) {
			String gatehouse = environment.getRequiredProperty("test.gatehouse-base-url");
			List<RegisteredClient> clients = new ArrayList<>();
			for (String name : new String[] { "idp", "idptokens" }) {
				clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
					.clientId("gatehouse-" + name)
					.clientSecret("{noop}secret-" + name)
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
					.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
					.redirectUri(gatehouse + "/login/oauth2/code/" + name)
					.scope("openid").scope("profile").scope("email")
					.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
					.build());
			}
			return new InMemoryRegisteredClientRepository(clients);
		}

		@Bean
		JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString()).build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}

		@Bean
		UserDetailsService users() {
			InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
			for (String name : USERS) {
				users.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build());
			}
			return users;
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> emailClaims(Environment environment) {
			String runId = environment.getRequiredProperty("test.run-id");
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
