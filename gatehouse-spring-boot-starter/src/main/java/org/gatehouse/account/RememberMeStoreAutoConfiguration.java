package org.gatehouse.account;

import org.gatehouse.config.GatehouseAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The remember-me token store, unless the application declares its own. (Only the store so far: the
 * rest of the account package is still found by the component scan and belongs in its own
 * auto-configuration with it.)
 */
@AutoConfiguration(after = GatehouseAutoConfiguration.class)
public class RememberMeStoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RememberMeTokenStore gatehouseRememberMeTokenStore(JdbcClient jdbc) {
		return new JdbcRememberMeTokenStore(jdbc);
	}
}
