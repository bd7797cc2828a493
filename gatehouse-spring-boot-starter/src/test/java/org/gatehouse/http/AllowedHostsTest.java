package org.gatehouse.http;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AllowedHostsTest {

	private static final AllowedHosts ALLOWED = allowed("auth.example.org", "LocalHost", ".example.net", "[::1]",
			"127.0.0.1");

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "NULL", value = {
			"auth.example.org             | true",
			"AUTH.EXAMPLE.ORG             | true",
			"auth.example.org:8443        | true",
			"auth.example.org.            | true",
			"localhost                    | true",
			"localhost:8080               | true",
			"example.net                  | true",
			"www.example.net              | true",
			"a.b.example.net:443          | true",
			"[::1]                        | true",
			"[::1]:8080                   | true",
			"127.0.0.1:80                 | true",
			"example.org                  | false",
			"evil.auth.example.org        | false",
			"auth.example.org.evil.com    | false",
			"localhost.evil.com           | false",
			"evilexample.net              | false",
			"[::2]                        | false",
			"::1                          | false",
			"127.0.0.2                    | false",
			"auth.example.org:port        | false",
			"auth.example.org@evil.com    | false",
			"auth.example.org/evil        | false",
			"'auth.example.org, evil.com' | false",
			"''                           | false",
			"NULL                         | false",
	})
	void matches(String host, boolean expected) {
		assertThat(ALLOWED.isAllowed(host)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "anything.example", "localhost:1" })
	void wildcardAllowsAnyWellFormedHost(String host) {
		assertThat(allowed("*").isAllowed(host)).isTrue();
		assertThat(allowed("*").isAllowed("evil.com/")).isFalse();
	}

	private static AllowedHosts allowed(String... hosts) {
		HttpProperties properties = new HttpProperties();
		properties.setAllowedHosts(List.of(hosts));
		return new AllowedHosts(properties);
	}
}
