package org.gatehouse.webauthn;

import java.time.Clock;

import org.gatehouse.account.AccountAutoConfiguration;
import org.gatehouse.account.Reauthentication;
import org.gatehouse.account.SessionLogin;
import org.gatehouse.account.SessionRevocation;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.ExternalUrls;
import org.gatehouse.http.HttpAutoConfiguration;
import org.gatehouse.throttle.LoginThrottle;
import org.gatehouse.throttle.ThrottleAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Security keys and passkeys (gatehouse.features.webauthn, on by default) on Spring Security's
 * WebAuthn relying party (webauthn4j), with Gatehouse's own tables (V11): the Security keys page
 * and /api/webauthn/ (add, list, rename, remove), "Sign in with a passkey", and
 * {@link SecurityKeyVerification} for a second step after the password.
 */
@AutoConfiguration(after = { AccountAutoConfiguration.class, HttpAutoConfiguration.class,
		ThrottleAutoConfiguration.class })
@ConditionalOnClass(WebAuthnRelyingPartyOperations.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "gatehouse.features.webauthn", matchIfMissing = true)
@EnableConfigurationProperties({ GatehouseProperties.class, WebAuthnProperties.class })
@Import({ SecurityKeysController.class, WebAuthnApiController.class })
public class WebAuthnAutoConfiguration {

	@Bean
	JdbcWebAuthnUserEntities gatehouseWebAuthnUserEntities(JdbcClient jdbc) {
		return new JdbcWebAuthnUserEntities(jdbc);
	}

	@Bean
	JdbcWebAuthnCredentials gatehouseWebAuthnCredentials(JdbcClient jdbc, Clock clock) {
		return new JdbcWebAuthnCredentials(jdbc, clock);
	}

	@Bean
	RelyingParties gatehouseRelyingParties(WebAuthnProperties properties, ExternalUrls externalUrls,
			JdbcWebAuthnUserEntities userEntities, JdbcWebAuthnCredentials credentials) {
		return new RelyingParties(properties, externalUrls, userEntities, credentials);
	}

	@Bean
	Ceremonies gatehouseWebAuthnCeremonies(Clock clock) {
		return new Ceremonies(clock);
	}

	@Bean
	PasskeyAuthentication gatehousePasskeyAuthentication(RelyingParties relyingParties,
			JdbcWebAuthnCredentials credentials, UserStore users, GatehouseProperties properties, LoginThrottle throttle,
			AuthenticationEventPublisher authenticationEvents, ApplicationEventPublisher events) {
		return new PasskeyAuthentication(relyingParties, credentials, users, properties, throttle, authenticationEvents,
				events);
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityKeys gatehouseSecurityKeys(RelyingParties relyingParties, Ceremonies ceremonies,
			JdbcWebAuthnUserEntities userEntities, JdbcWebAuthnCredentials credentials,
			Reauthentication reauthentication, ObjectProvider<SessionRevocation> revocation,
			ApplicationEventPublisher events) {
		return new SecurityKeys(relyingParties, ceremonies, userEntities, credentials, reauthentication, revocation,
				events);
	}

	@Bean
	@ConditionalOnMissingBean
	PasskeySignIn gatehousePasskeySignIn(Ceremonies ceremonies, RelyingParties relyingParties,
			PasskeyAuthentication authentication, SessionLogin sessionLogin) {
		return new PasskeySignIn(ceremonies, relyingParties, authentication, sessionLogin);
	}

	/** For the MFA second step: whether an account has a key, and a key's answer checked for that account. */
	@Bean
	@ConditionalOnMissingBean
	SecurityKeyVerification gatehouseSecurityKeyVerification(Ceremonies ceremonies, RelyingParties relyingParties,
			JdbcWebAuthnUserEntities userEntities, JdbcWebAuthnCredentials credentials,
			PasskeyAuthentication authentication) {
		return new SecurityKeyVerification(ceremonies, relyingParties, userEntities, credentials, authentication);
	}

	/** A security key as the MFA second step's factor "webauthn" (the mfa package collects every SecondFactor). */
	@Bean
	SecurityKeyFactor gatehouseSecurityKeyFactor(SecurityKeyVerification keys, JdbcWebAuthnCredentials credentials) {
		return new SecurityKeyFactor(keys, credentials);
	}
}
