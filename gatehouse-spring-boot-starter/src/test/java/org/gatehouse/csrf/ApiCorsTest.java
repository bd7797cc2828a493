package org.gatehouse.csrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.gatehouse.config.GatehouseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;

class ApiCorsTest {

	@Test
	void offByDefault() {
		assertThat(new ApiCors(new CorsProperties(), new GatehouseProperties()).enabled()).isFalse();
	}

	@Test
	void wildcardWithCredentialsStopsTheStartUp() {
		CorsProperties properties = new CorsProperties();
		properties.setAllowedOrigins(List.of("*"));
		assertThatThrownBy(() -> new ApiCors(properties, new GatehouseProperties())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("gatehouse.cors.allowed-origins");
		properties.setAllowCredentials(false);
		assertThat(new ApiCors(properties, new GatehouseProperties()).enabled()).isTrue();
	}

	@Test
	void explicitOriginsMayUseCredentials() {
		CorsProperties properties = new CorsProperties();
		properties.setAllowedOrigins(List.of("https://app.example.org/"));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
		CorsConfiguration cors = new ApiCors(properties, new GatehouseProperties()).source().getCorsConfiguration(request);
		assertThat(cors.getAllowedOrigins()).containsExactly("https://app.example.org");
		assertThat(cors.getAllowCredentials()).isTrue();
		assertThat(cors.getAllowedHeaders()).contains("X-CSRFToken", "Authorization");
	}
}
