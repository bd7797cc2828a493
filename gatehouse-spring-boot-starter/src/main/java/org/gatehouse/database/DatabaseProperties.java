package org.gatehouse.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.database.*} settings: Gatehouse's own schema migration. */
@ConfigurationProperties(prefix = "gatehouse.database")
public class DatabaseProperties {
	/**
	 * Migrate Gatehouse's tables at start (Flyway, history table gatehouse_schema_history). Off for an operator
	 * who applies the DDL of db/gatehouse/migration himself.
	 */
	private boolean migrate = true;

	public boolean isMigrate() { return migrate; }
	public void setMigrate(boolean migrate) { this.migrate = migrate; }
}
