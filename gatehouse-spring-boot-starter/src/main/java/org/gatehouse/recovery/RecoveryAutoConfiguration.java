package org.gatehouse.recovery;

import org.gatehouse.account.AccountAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Password reset by a mailed link (gatehouse.features.recoverable, SECURITY_RECOVERABLE): off, its URLs answer 404. */
@AutoConfiguration(after = AccountAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "gatehouse.features.recoverable", matchIfMissing = true)
@EnableConfigurationProperties(GatehouseProperties.class)
@Import(PasswordRecovery.class)
public class RecoveryAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ RecoveryController.class, RecoveryApiController.class })
	static class Pages {
	}
}
