package org.gatehouse.session;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.geoip.*} settings: the country database of the Sessions page. */
@ConfigurationProperties(prefix = "gatehouse.geoip")
public class GeoipProperties {
	/** Path of a MaxMind-format .mmdb country database; unset leaves the country empty. */
	private Path database;

	public Path getDatabase() { return database; }
	public void setDatabase(Path database) { this.database = database; }
}
