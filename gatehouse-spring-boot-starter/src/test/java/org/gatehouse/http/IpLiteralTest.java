package org.gatehouse.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpLiteralTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = {
			"1.2.3.4 | 1.2.3.4",
			" 1.2.3.4  | 1.2.3.4",
			"1.2.3.4:5678 | 1.2.3.4",
			"255.255.255.255 | 255.255.255.255",
			"0.0.0.0 | 0.0.0.0",
			"2001:db8::1 | 2001:db8::1",
			"2001:DB8:0:0:0:0:0:1 | 2001:db8::1",
			"2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1",
			"[2001:db8::1]:443 | 2001:db8::1",
			"[2001:db8::1] | 2001:db8::1",
			"0:0:0:0:0:0:0:1 | ::1",
			"::1 | ::1",
			":: | ::",
			"2001:db8:0:1:1:1:1:1 | 2001:db8:0:1:1:1:1:1",
			"2001:0:0:1:0:0:0:1 | 2001:0:0:1::1",
			"2001:db8:0:0:1:0:0:1 | 2001:db8::1:0:0:1",
			"fe80::1:2:3:4 | fe80::1:2:3:4",
			"::ffff:192.0.2.1 | 192.0.2.1",
			"[::ffff:c000:201]:80 | 192.0.2.1",
			"64:ff9b::192.0.2.33 | 64:ff9b::c000:221",
	})
	void parsesAndNormalises(String input, String expected) {
		assertThat(IpLiteral.parse(input)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "unknown", "evil.com", "localhost", "1.2.3", "1.2.3.4.5", "256.1.1.1",
			"01.2.3.4", "1.2.3.4:", "1.2.3.4:port", "1.2.3.4:123456", "1.2.3.4 5.6.7.8", "-1.2.3.4",
			"2001:db8::1::1", "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "fe80::1%eth0",
			"[2001:db8::1", "[2001:db8::1]x", "[2001:db8::1]:", "[1.2.3.4]", "g::1", "::ffff:1.2.3", "_", "[]" })
	void rejectsGarbage(String input) {
		assertThat(IpLiteral.parse(input)).isEmpty();
	}
}
