package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentParserTest {

	final UserAgentParser parser = new UserAgentParser();

	@Test
	void describesDesktopChromeOnLinux() {
		ClientDescription c = parser.describe(
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36");
		assertThat(c.browser()).isEqualTo("Chrome");
		assertThat(c.browserVersion()).startsWith("156");
		assertThat(c.os()).isEqualTo("Linux");
		assertThat(c.device()).isEqualTo("Desktop");
	}

	@Test
	void describesSafariOnIphoneAsMobile() {
		ClientDescription c = parser.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
				+ "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
		assertThat(c.browser()).isEqualTo("Mobile Safari");
		assertThat(c.os()).isEqualTo("iOS");
		assertThat(c.device()).isEqualTo("Mobile");
	}

	@Test
	void missingOrHugeHeadersAreHarmless() {
		assertThat(parser.describe(null)).isEqualTo(ClientDescription.UNKNOWN);
		assertThat(parser.describe("x".repeat(100_000)).browser()).isNotNull();
	}
}
