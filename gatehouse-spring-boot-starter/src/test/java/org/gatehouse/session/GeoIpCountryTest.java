package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class GeoIpCountryTest {

	@Test
	void readsCountryFromThePublicDomainIptoasnDatabase() throws Exception {
		GeoipProperties properties = new GeoipProperties();
		properties.setDatabase(Path.of(getClass().getResource("/geoip/iptoasn-country-ipv4.mmdb").toURI()));
		try (GeoIpCountry geoIp = new GeoIpCountry(properties)) {
			assertThat(geoIp.countryOf("8.8.8.8")).isEqualTo("US");
			assertThat(geoIp.countryOf("193.5.216.1")).as("SWITCH, Switzerland").isEqualTo("CH");
			assertThat(geoIp.countryOf("127.0.0.1")).isNull();
			assertThat(geoIp.countryOf("not-an-ip.example.org")).isNull();
		}
	}

	@Test
	void withoutDatabaseTheCountryStaysEmpty() throws Exception {
		try (GeoIpCountry geoIp = new GeoIpCountry(new GeoipProperties())) {
			assertThat(geoIp.countryOf("8.8.8.8")).isNull();
		}
	}
}
