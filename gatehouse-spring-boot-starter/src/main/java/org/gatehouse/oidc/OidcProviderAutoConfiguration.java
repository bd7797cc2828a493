package org.gatehouse.oidc;

import java.time.Clock;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.gatehouse.account.AccountAutoConfiguration;
import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.Signers;
import org.gatehouse.http.GatehouseFilterOrder;
import org.gatehouse.password.PasswordAutoConfiguration;
import org.gatehouse.security.SecurityChainsAutoConfiguration;
import org.gatehouse.session.AccountPrincipalJson;
import org.gatehouse.tasks.BatchedDelete;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Gatehouse as an OpenID Connect provider (gatehouse.features.oidc-provider, off by default) on Spring Authorization
 * Server: clients, authorizations (tokens) and consents in its JDBC tables (migration V15), signing keys in
 * gh_oidc_signing_key. The services work without a web server too (the command line registers clients and rotates
 * keys); the filter chain and the consent page only in a servlet application.
 */
@AutoConfiguration(after = { GatehouseAutoConfiguration.class, AccountAutoConfiguration.class,
		PasswordAutoConfiguration.class }, before = SecurityChainsAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "gatehouse.features.oidc-provider")
@ConditionalOnClass(OAuth2Authorization.class)
@EnableConfigurationProperties(OidcProperties.class)
public class OidcProviderAutoConfiguration {

	@Bean(initMethod = "ensureKey")
	@DependsOnDatabaseInitialization
	SigningKeys gatehouseOidcSigningKeys(JdbcClient jdbc, Signers signers, OidcProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		return new SigningKeys(jdbc, signers, properties, events, clock);
	}

	@Bean
	@DependsOnDatabaseInitialization
	RegisteredClientRepository gatehouseOidcClientRepository(DataSource dataSource, OidcProperties properties,
			SigningKeys keys) {
		return new ConfiguredClientRepository(new JdbcRegisteredClientRepository(new JdbcTemplate(dataSource)),
				properties, keys);
	}

	@Bean
	@DependsOnDatabaseInitialization
	OAuth2AuthorizationService gatehouseOidcAuthorizationService(DataSource dataSource, JdbcClient jdbc,
			RegisteredClientRepository clients, ApplicationEventPublisher events, Clock clock) {
		JdbcOAuth2AuthorizationService stored = new JdbcOAuth2AuthorizationService(new JdbcTemplate(dataSource), clients);
		stored.setAuthorizationRowMapper(
				new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper(clients, authorizationJson()));
		stored.setAuthorizationParametersMapper(
				new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationParametersMapper(authorizationJson()));
		return new RefreshTokenReuseDetection(stored, jdbc, events, clock);
	}

	@Bean
	@DependsOnDatabaseInitialization
	OAuth2AuthorizationConsentService gatehouseOidcConsentService(DataSource dataSource,
			RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(new JdbcTemplate(dataSource), clients);
	}

	@Bean
	OidcClients gatehouseOidcClients(RegisteredClientRepository clients, JdbcClient jdbc, PasswordEncoder secrets,
			ApplicationEventPublisher events, Clock clock) {
		return new OidcClients(clients, jdbc, secrets, events, clock);
	}

	@Bean
	UserClaims gatehouseOidcUserClaims(UserStore users, JdbcClient jdbc, SigningKeys keys) {
		return new UserClaims(users, jdbc, keys);
	}

	@Bean
	DownstreamRevocation gatehouseOidcDownstreamRevocation(JdbcClient jdbc, OAuth2AuthorizationService authorizations,
			RegisteredClientRepository clients, SigningKeys keys, OidcProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		return new DownstreamRevocation(jdbc, authorizations, clients, new BackchannelLogout(keys, properties, clock),
				events);
	}

	@Bean
	ExpiredAuthorizationsTask gatehouseOidcExpiredAuthorizationsTask(DataSource dataSource, OidcProperties properties,
			Clock clock) {
		return new ExpiredAuthorizationsTask(new BatchedDelete(dataSource, BatchedDelete.BATCH), properties, clock);
	}

	/**
	 * An authorization keeps the signed-in user (an {@link AccountPrincipal}) among its attributes, stored as JSON:
	 * Spring Security's types and that one class may be read back, nothing else.
	 */
	static JsonMapper authorizationJson() {
		BasicPolymorphicTypeValidator.Builder allowed = BasicPolymorphicTypeValidator.builder()
			.allowIfSubType(AccountPrincipal.class);
		return JsonMapper.builder()
			.addModules(SecurityJacksonModules.getModules(OidcProviderAutoConfiguration.class.getClassLoader(), allowed))
			.addMixIn(AccountPrincipal.class, AccountPrincipalJson.Mixin.class)
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ OidcProviderSecurityConfiguration.class, OidcClientApiController.class,
			OidcClientsPageController.class })
	static class Web {

		@Bean
		FilterRegistrationBean<RelyingPartyFormAction> gatehouseOidcFormAction(
				ObjectProvider<RegisteredClientRepository> clients,
				GatehouseProperties properties) {
			FilterRegistrationBean<RelyingPartyFormAction> registration = new FilterRegistrationBean<>(
					new RelyingPartyFormAction(clients, properties.getUrls().getLogin()));
			registration.setOrder(GatehouseFilterOrder.NUL_CHARACTERS + 1);
			registration.addUrlPatterns("/*");
			return registration;
		}
	}
}
