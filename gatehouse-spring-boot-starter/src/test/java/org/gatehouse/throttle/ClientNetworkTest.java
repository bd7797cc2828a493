package org.gatehouse.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientNetworkTest {

	@Test
	void ipv4IsTheAddressItself() {
		assertThat(ClientNetwork.of("198.51.100.7")).isEqualTo("198.51.100.7");
		assertThat(ClientNetwork.of("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
	}

	@Test
	void ipv6IsGroupedByItsSlash64() {
		assertThat(ClientNetwork.of("2001:db8:1:2::1")).isEqualTo("2001:0db8:0001:0002::/64")
			.isEqualTo(ClientNetwork.of("2001:db8:1:2:ffff:eeee:dddd:cccc"))
			.isEqualTo(ClientNetwork.of("[2001:DB8:1:2::9]"));
		assertThat(ClientNetwork.of("2001:db8:1:3::1")).isNotEqualTo(ClientNetwork.of("2001:db8:1:2::1"));
	}

	@Test
	void garbageIsOneUnknownNetwork() {
		assertThat(ClientNetwork.of(null)).isEqualTo("unknown");
		assertThat(ClientNetwork.of("example.org")).isEqualTo("unknown");
	}
}
