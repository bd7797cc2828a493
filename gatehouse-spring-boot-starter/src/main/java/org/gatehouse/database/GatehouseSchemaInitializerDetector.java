package org.gatehouse.database;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Tells Spring Boot that {@link GatehouseSchemaMigration} initializes the database, so every bean
 * that depends on database initialization (JDBC session repository, Gatehouse's stores, the task
 * lock) is created after it. Ordered after the application's own Flyway: Flyway refuses to start
 * a first migration on a schema that already has tables, and only Gatehouse's instance may
 * baseline (at version 0) to live beside the application's tables.
 */
class GatehouseSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(GatehouseSchemaMigration.class);
	}

	@Override
	public int getOrder() {
		// Spring Boot's FlywayMigrationInitializer is detected at LOWEST_PRECEDENCE - 100
		return Ordered.LOWEST_PRECEDENCE - 50;
	}
}
