package org.gatehouse.migration.invenio;

import java.time.Clock;

import javax.sql.DataSource;

import org.gatehouse.admin.AdminAutoConfiguration;
import org.gatehouse.admin.ImportedHashes;
import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.password.PasswordsProperties;
import org.gatehouse.registration.AccountsProperties;
import org.gatehouse.token.ApiProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Invenio migration service, used by the server's {@code migrate invenio} command. It does nothing until
 * called, and reads the Invenio database only through the JDBC URL it is given.
 */
@AutoConfiguration(after = { GatehouseAutoConfiguration.class, AdminAutoConfiguration.class })
@ConditionalOnBean(ImportedHashes.class)
public class InvenioMigrationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InvenioMigration invenioMigration(DataSource dataSource, PlatformTransactionManager transactionManager,
			ImportedHashes hashes, PasswordsProperties passwords, ObjectProvider<AccountsProperties> accounts,
			ObjectProvider<ApiProperties> api, Clock clock) {
		return new InvenioMigration(new JdbcTemplate(dataSource), transactionManager, hashes, passwords, accounts, api, clock);
	}
}
