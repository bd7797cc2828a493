package org.gatehouse.mfa;

import java.time.Clock;
import java.util.List;

import org.gatehouse.account.AccountAutoConfiguration;
import org.gatehouse.crypto.Signers;
import org.gatehouse.throttle.ThrottleAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Second factors (gatehouse.features.mfa, Flask-Security's SECURITY_TWO_FACTOR): TOTP and recovery codes, the
 * login's second step, the role policy (gatehouse.mfa.*). Other kinds of factor join as {@link SecondFactor} beans.
 */
@AutoConfiguration(after = { AccountAutoConfiguration.class, ThrottleAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "gatehouse.features.mfa", matchIfMissing = true)
@EnableConfigurationProperties(MfaProperties.class)
@Import({ MfaAccount.class, RecoveryCodes.class, FactorChanges.class, MfaSecondFactorCheck.class,
		SecondFactorFailures.class })
public class MfaAutoConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	MfaStore gatehouseMfaStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
		return new MfaStore(jdbc, new TransactionTemplate(transactions));
	}

	@Bean
	RememberedBrowsers gatehouseRememberedBrowsers(JdbcClient jdbc, Signers signers, MfaProperties properties,
			org.gatehouse.config.GatehouseProperties gatehouse, Clock clock) {
		return new RememberedBrowsers(jdbc, signers.signer("mfa-remembered-browser"), properties, gatehouse, clock);
	}

	@Bean
	Totp gatehouseTotp(MfaProperties properties) {
		return Totp.of(properties.getTotp());
	}

	@Bean
	@ConditionalOnMissingBean(TotpFactor.class)
	TotpFactor gatehouseTotpFactor(MfaStore store, Signers signers, Totp totp, Clock clock) {
		return new TotpFactor(store, signers.fieldEncryptor(TotpFactor.SECRET_PURPOSE), totp, clock);
	}

	@Bean
	@ConditionalOnMissingBean(RecoveryCodeFactor.class)
	RecoveryCodeFactor gatehouseRecoveryCodeFactor(MfaStore store, org.gatehouse.account.UserStore users,
			org.gatehouse.mail.AccountMailer mailer, org.springframework.context.ApplicationEventPublisher events,
			Clock clock) {
		return new RecoveryCodeFactor(store, users, mailer, events, clock);
	}

	@Bean
	TotpEnrolment gatehouseTotpEnrolment(MfaStore store, Signers signers, Totp totp, MfaProperties properties,
			RecoveryCodes recoveryCodes, FactorChanges changes, Clock clock) {
		return new TotpEnrolment(store, signers.fieldEncryptor(TotpFactor.SECRET_PURPOSE), totp, properties,
				recoveryCodes, changes, clock);
	}

	@Bean
	SecondFactors gatehouseSecondFactors(List<SecondFactor> factors, MfaProperties properties) {
		return new SecondFactors(factors, properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ SecondStep.class, MfaUsers.class, MfaPolicy.class, SecondStepController.class,
			TotpEnrolmentController.class, MfaAccountController.class, MfaApiController.class, MfaAdminController.class })
	static class Pages {
	}
}
