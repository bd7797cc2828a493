package org.gatehouse.csrf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.cors.*} settings: which other sites may call /api/. */
@ConfigurationProperties(prefix = "gatehouse.cors")
public class CorsProperties {
	/** Origins (scheme://host[:port]) allowed to call /api/ from other sites. Empty (default): CORS off. */
	private List<String> allowedOrigins = new ArrayList<>();
	/** Let those origins send cookies; never allowed together with "*". */
	private boolean allowCredentials = true;
	/** How long browsers may cache a CORS preflight answer. */
	private Duration maxAge = Duration.ofHours(1);

	public List<String> getAllowedOrigins() { return allowedOrigins; }
	public void setAllowedOrigins(List<String> allowedOrigins) { this.allowedOrigins = allowedOrigins; }
	public boolean isAllowCredentials() { return allowCredentials; }
	public void setAllowCredentials(boolean allowCredentials) { this.allowCredentials = allowCredentials; }
	public Duration getMaxAge() { return maxAge; }
	public void setMaxAge(Duration maxAge) { this.maxAge = maxAge; }
}
