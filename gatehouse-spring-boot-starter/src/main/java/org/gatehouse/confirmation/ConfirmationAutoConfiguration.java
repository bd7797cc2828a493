package org.gatehouse.confirmation;

import org.gatehouse.account.AccountAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Email confirmation (gatehouse.features.confirmable, SECURITY_CONFIRMABLE): off, its URLs answer 404
 * and new accounts need none. The confirmation mail itself stays, for administrators who add users.
 */
@AutoConfiguration(after = AccountAutoConfiguration.class)
@EnableConfigurationProperties(GatehouseProperties.class)
@Import(ConfirmationMails.class)
public class ConfirmationAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "gatehouse.features.confirmable", matchIfMissing = true)
	@Import(EmailConfirmation.class)
	static class Confirmable {

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		@Import({ ConfirmationController.class, ConfirmationApiController.class })
		static class Pages {
		}
	}
}
