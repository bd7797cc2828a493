package org.gatehouse.login.external;

import java.time.Clock;

import org.gatehouse.account.AccountAutoConfiguration;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.crypto.CryptoAutoConfiguration;
import org.gatehouse.crypto.Signers;
import org.gatehouse.session.UserSessions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The identities external sign-in links to accounts, outside the sign-in itself: the providers, the identity store
 * and {@link IdentityLinks}, also in an application without a web server (gatehouse-server's command line), and in a
 * web application their JSON endpoints and the admin page's unlink. On under the same conditions as
 * {@link ExternalLoginAutoConfiguration} (which comes after it): a provider configured and Spring Security's OAuth2
 * client on the class path; otherwise none of it exists (the endpoints answer 404).
 */
@AutoConfiguration(after = { GatehouseAutoConfiguration.class, AccountAutoConfiguration.class,
		CryptoAutoConfiguration.class, JdbcClientAutoConfiguration.class })
@ConditionalOnClass(ClientRegistration.class)
@Conditional(ExternalProvidersConfigured.class)
@EnableConfigurationProperties(ExternalLoginProperties.class)
public class ExternalIdentitiesAutoConfiguration {

	@Bean
	ExternalProviders gatehouseExternalProviders(ExternalLoginProperties properties) {
		return new ExternalProviders(properties);
	}

	@Bean
	@DependsOnDatabaseInitialization
	ExternalIdentityStore gatehouseExternalIdentityStore(JdbcClient jdbc, Signers signers, Clock clock) {
		return new ExternalIdentityStore(jdbc, signers.fieldEncryptor("external-provider-tokens"), clock);
	}

	@Bean
	IdentityLinks gatehouseExternalIdentityLinks(ExternalIdentityStore identities, ExternalProviders providers,
			UserStore users, ApplicationEventPublisher events, ObjectProvider<UserSessions> sessions) {
		return new IdentityLinks(identities, providers, users, events, sessions);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ IdentitiesApiController.class, AdminIdentitiesController.class })
	static class Web {
	}
}
