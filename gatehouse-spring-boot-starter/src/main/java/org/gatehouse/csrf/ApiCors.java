package org.gatehouse.csrf;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS for /api/: off unless {@code gatehouse.cors.allowed-origins} lists origins. Cookies
 * (credentials) only go to explicitly listed origins: "*" with credentials stops the start-up.
 */
public class ApiCors {

	private final List<String> origins;
	private final CorsProperties config;
	private final String csrfHeader;

	public ApiCors(CorsProperties config, GatehouseProperties properties) {
		this.config = config;
		this.origins = config.getAllowedOrigins().stream().map(String::strip).filter(o -> !o.isEmpty())
			.map(o -> o.replaceAll("/+$", "")).toList();
		this.csrfHeader = properties.getCsrf().getHeaderName();
		if (origins.contains("*") && config.isAllowCredentials()) {
			throw new IllegalStateException("gatehouse.cors.allowed-origins contains \"*\" while "
					+ "gatehouse.cors.allow-credentials is true: any site could then act with the user's cookies. "
					+ "List the origins explicitly (https://app.example.org) or set allow-credentials to false.");
		}
	}

	public boolean enabled() {
		return !origins.isEmpty();
	}

	/** The listed origins, lower case, for the cross-site checks; "*" matches any. */
	public Set<String> origins() {
		return origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	public CorsConfigurationSource source() {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(origins);
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(List.of("Content-Type", "Authorization", csrfHeader));
		cors.setAllowCredentials(config.isAllowCredentials());
		cors.setMaxAge(config.getMaxAge() == null ? Duration.ofHours(1) : config.getMaxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", cors);
		return source;
	}
}
