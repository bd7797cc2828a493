package org.gatehouse.session;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

import com.maxmind.db.Reader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * IP to ISO country code from a MaxMind-format .mmdb file; empty when none is configured.
 * Reads both record layouts in use: MaxMind's GeoLite2/GeoIP2 ({@code country.iso_code}) and
 * ip-location-db's, such as the public-domain iptoasn database ({@code country_code}), which
 * is why the MaxMind DB reader is used directly instead of the GeoIP2 model classes.
 */
class GeoIpCountry implements CountryLookup, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GeoIpCountry.class);

	private final Reader reader;

	GeoIpCountry(GeoipProperties properties) throws IOException {
		Path database = properties.getDatabase();
		this.reader = database == null ? null : new Reader(database.toFile());
		if (reader != null) {
			log.info("GeoIP country database: {}", database);
		}
	}

	@Override
	public String countryOf(String ip) {
		if (reader == null || ip == null || !ip.matches("[0-9A-Fa-f:.]{2,45}")) {
			return null;
		}
		try {
			// an IP literal: getByName does not resolve it through DNS
			Map<?, ?> record = reader.get(InetAddress.getByName(ip), Map.class);
			return record == null ? null : isoCode(record);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static String isoCode(Map<?, ?> record) {
		if (record.get("country_code") instanceof String code) {
			return code;
		}
		if (record.get("country") instanceof Map<?, ?> country && country.get("iso_code") instanceof String code) {
			return code;
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		if (reader != null) {
			reader.close();
		}
	}
}
