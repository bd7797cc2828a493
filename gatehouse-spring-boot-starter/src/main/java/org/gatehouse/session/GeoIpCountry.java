package org.gatehouse.session;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CountryResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.stereotype.Component;

/** IP to ISO country code from a MaxMind-format .mmdb file; empty when none is configured. */
@Component
public class GeoIpCountry implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GeoIpCountry.class);

	private final DatabaseReader reader;

	public GeoIpCountry(GatehouseProperties properties) throws IOException {
		Path database = properties.getGeoip().getDatabase();
		this.reader = database == null ? null : new DatabaseReader.Builder(database.toFile()).build();
		if (reader != null) {
			log.info("GeoIP country database: {}", database);
		}
	}

	public String countryOf(String ip) {
		if (reader == null || ip == null || !ip.matches("[0-9A-Fa-f:.]{2,45}")) {
			return null;
		}
		try {
			// an IP literal: getByName does not resolve it through DNS
			Optional<CountryResponse> response = reader.tryCountry(InetAddress.getByName(ip));
			return response.map(r -> r.getCountry().getIsoCode()).orElse(null);
		}
		catch (IOException | RuntimeException | com.maxmind.geoip2.exception.GeoIp2Exception ex) {
			return null;
		}
	}

	@Override
	public void close() throws IOException {
		if (reader != null) {
			reader.close();
		}
	}
}
