package org.gatehouse.account;

import org.gatehouse.confirmation.ConfirmationAutoConfiguration;
import org.gatehouse.crypto.CryptoAutoConfiguration;
import org.gatehouse.password.PasswordAutoConfiguration;
import org.gatehouse.recovery.RecoveryAutoConfiguration;
import org.gatehouse.registration.RegistrationAutoConfiguration;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The account features' auto-configurations alone, in a servlet web context. Beans are lazy: the
 * tests look at which beans the configurations declare, not at the rest of Gatehouse they need.
 */
public final class AccountContextRunner {

	private AccountContextRunner() {
	}

	public static WebApplicationContextRunner web() {
		return new WebApplicationContextRunner()
			.withInitializer(context -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class, AccountAutoConfiguration.class,
					PasswordAutoConfiguration.class, RegistrationAutoConfiguration.class,
					ConfirmationAutoConfiguration.class, RecoveryAutoConfiguration.class));
	}
}
