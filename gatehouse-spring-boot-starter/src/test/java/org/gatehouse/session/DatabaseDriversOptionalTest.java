package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import org.gatehouse.testapp.StarterContextRunner;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** The starter brings no database driver: it runs on whatever DataSource the application has. */
class DatabaseDriversOptionalTest {

	@Test
	void withoutH2AndPostgresqlDriversTheApplicationsDataSourceIsUsed() {
		StarterContextRunner.withStarter().withUserConfiguration(OwnDataSource.class)
			.withClassLoader(new FilteredClassLoader("org.h2.", "org.postgresql."))
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DataSource.class)).isSameAs(context.getBean("hostDataSource"));
				assertThat(context.getBean(SessionRepository.class)).isInstanceOf(JdbcIndexedSessionRepository.class);
			});
	}

	/** The application's own database, built from a driver the application brings (here: H2's classes). */
	@Configuration(proxyBeanMethods = false)
	static class OwnDataSource {
		@Bean
		DataSource hostDataSource() {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL("jdbc:h2:mem:host-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			return dataSource;
		}
	}
}
