package org.gatehouse.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Gatehouse migrates its own tables with its own Flyway instance (not a {@code Flyway} bean, so
 * Spring Boot's Flyway stays the application's, with its db/migration and flyway_schema_history).
 * gatehouse.database.migrate=false leaves the schema to an operator who runs the DDL himself.
 * Migrations connect like Spring Boot's Flyway would: spring.flyway.url/user/password when set
 * (the schema owner, while the application connects as a user without DDL rights), else the
 * application's DataSource.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "gatehouse.database.migrate", matchIfMissing = true)
@Import(DatabaseInitializationDependencyConfigurer.class)
@EnableConfigurationProperties(DatabaseProperties.class)
public final class DatabaseMigrationAutoConfiguration {

	static final String MIGRATIONS = "db/gatehouse/migration";
	static final String VENDOR_MIGRATIONS = "db/gatehouse/vendor/";

	@Bean
	GatehouseSchemaMigration gatehouseSchemaMigration(DataSource dataSource,
			ObjectProvider<JdbcConnectionDetails> connectionDetails, Environment environment) {
		Binder binder = Binder.get(environment);
		String url = binder.bind("spring.flyway.url", String.class).orElse(null);
		String user = binder.bind("spring.flyway.user", String.class).orElse(null);
		String legacyTable = binder.bind("spring.flyway.table", String.class).orElse("flyway_schema_history");
		if (url == null && user == null) {
			List<String> locations = locations(DatabaseDriver.fromJdbcUrl(jdbcUrl(dataSource)).getId());
			return new GatehouseSchemaMigration(dataSource, locations,
					() -> GatehouseSchemaMigration.configure().dataSource(dataSource).locations(array(locations)),
					new LegacyHistory(legacyTable));
		}
		JdbcConnectionDetails details = connectionDetails.getIfAvailable();
		String schemaUrl = (url != null) ? url : (details != null) ? details.getJdbcUrl() : jdbcUrl(dataSource);
		String schemaUser = (user != null) ? user : (details != null) ? details.getUsername() : null;
		String password = binder.bind("spring.flyway.password", String.class)
			.orElseGet(() -> (details != null) ? details.getPassword() : null);
		List<String> locations = locations(DatabaseDriver.fromJdbcUrl(schemaUrl).getId());
		return new GatehouseSchemaMigration(new DriverManagerDataSource(schemaUrl, schemaUser, password), locations,
				() -> GatehouseSchemaMigration.configure()
					.dataSource(schemaUrl, schemaUser, password)
					.locations(array(locations)),
				new LegacyHistory(legacyTable));
	}

	private static String[] array(List<String> locations) {
		return locations.toArray(String[]::new);
	}

	/** The common migrations, and the database's own ones (indexes H2 cannot parse) where there are any. */
	private static List<String> locations(String vendor) {
		List<String> locations = new ArrayList<>(List.of("classpath:" + MIGRATIONS));
		try {
			if (new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + VENDOR_MIGRATIONS + vendor + "/*.sql").length > 0) {
				locations.add("classpath:" + VENDOR_MIGRATIONS + vendor);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(locations);
	}

	private static String jdbcUrl(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database Gatehouse's tables are in", ex);
		}
	}
}
