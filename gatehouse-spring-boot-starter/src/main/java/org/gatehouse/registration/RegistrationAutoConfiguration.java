package org.gatehouse.registration;

import org.gatehouse.account.AccountAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Sign-up (gatehouse.features.registerable, Flask-Security's SECURITY_REGISTERABLE): off, its URLs answer 404. */
@AutoConfiguration(after = AccountAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "gatehouse.features.registerable", matchIfMissing = true)
@EnableConfigurationProperties({ GatehouseProperties.class, AccountsProperties.class })
@Import({ AccountRegistration.class, SignUpMails.class })
public class RegistrationAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ RegistrationController.class, RegistrationApiController.class })
	static class Pages {
	}
}
