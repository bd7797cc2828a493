package org.gatehouse.http;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedHeadersTest {

	private static final ClientConnection DIRECT = new ClientConnection("10.0.0.2", "http", "internal:8080");

	@ParameterizedTest(name = "proxies={0} X-Forwarded-For=[{1}] -> {2}")
	@CsvSource(delimiter = '|', value = {
			// no proxies: the headers are the client's own words
			"0 | 6.6.6.6                          | 10.0.0.2",
			// one proxy appended the address it saw: trust only the rightmost entry
			"1 | 203.0.113.7                      | 203.0.113.7",
			"1 | 6.6.6.6, 203.0.113.7             | 203.0.113.7",
			// two proxies: the second from the right; the client-sent left part is ignored
			"2 | 6.6.6.6, 203.0.113.7, 10.0.0.1   | 203.0.113.7",
			"2 | 203.0.113.7, 10.0.0.1            | 203.0.113.7",
			// too few entries: a proxy is missing or bypassed, so the header is not to be trusted
			"2 | 203.0.113.7                      | 10.0.0.2",
			"3 | 6.6.6.6, 203.0.113.7             | 10.0.0.2",
			// multiple headers are joined in order
			"2 | 6.6.6.6; 203.0.113.7             | 6.6.6.6",
			"2 | 6.6.6.6, 203.0.113.7; 10.0.0.1   | 203.0.113.7",
			// garbage in the trusted position: the direct peer address
			"1 | unknown                          | 10.0.0.2",
			"1 | 203.0.113.7, evil.com            | 10.0.0.2",
			"1 | '6.6.6.6, '                      | 10.0.0.2",
			"2 | ', 10.0.0.1'                     | 10.0.0.2",
			"1 | ''                               | 10.0.0.2",
			// ports are stripped, IPv6 is normalised
			"1 | 203.0.113.7:5678                 | 203.0.113.7",
			"1 | [2001:DB8:0::1]:443              | 2001:db8::1",
			"1 | 2001:db8:0:0:0:0:0:1             | 2001:db8::1",
			"2 | 2001:db8::1, 10.0.0.1            | 2001:db8::1",
	})
	void clientAddress(int proxies, String forwardedFor, String expected) {
		List<String> headers = forwardedFor.isEmpty() ? List.of("") : Arrays.asList(forwardedFor.split(";"));

		ClientConnection client = ForwardedHeaders.resolve(proxies, DIRECT, headers, List.of(), List.of());

		assertThat(client.address()).isEqualTo(expected);
	}

	@Test
	void missingHeadersKeepTheDirectConnection() {
		assertThat(ForwardedHeaders.resolve(1, DIRECT, List.of(), List.of(), List.of())).isEqualTo(DIRECT);
	}

	@Test
	void directIpv6AddressIsNormalised() {
		ClientConnection direct = new ClientConnection("0:0:0:0:0:0:0:1", "http", "localhost");

		assertThat(ForwardedHeaders.resolve(0, direct, List.of(), List.of(), List.of()).address()).isEqualTo("::1");
	}

	@ParameterizedTest(name = "proxies={0} X-Forwarded-Proto=[{1}] X-Forwarded-Host=[{2}] -> {3} {4}")
	@CsvSource(delimiter = '|', value = {
			"0 | https               | auth.example.org           | http  | internal:8080",
			"1 | https               | auth.example.org           | https | auth.example.org",
			"1 | HTTPS               | Auth.Example.org:8443      | https | Auth.Example.org:8443",
			"1 | http, https         | evil.com, auth.example.org | https | auth.example.org",
			"2 | https, http         | auth.example.org, internal | https | auth.example.org",
			"2 | https               | auth.example.org           | http  | internal:8080",
			"1 | gopher              | evil.com/path              | http  | internal:8080",
			"1 | https               | [::1]:8443                 | https | [::1]:8443",
			"1 | ''                  | ''                         | http  | internal:8080",
	})
	void schemeAndHost(int proxies, String proto, String host, String expectedScheme, String expectedHost) {
		ClientConnection client = ForwardedHeaders.resolve(proxies, DIRECT, List.of(), List.of(proto), List.of(host));

		assertThat(client.scheme()).isEqualTo(expectedScheme);
		assertThat(client.host()).isEqualTo(expectedHost);
		assertThat(client.isSecure()).isEqualTo(expectedScheme.equals("https"));
	}
}
