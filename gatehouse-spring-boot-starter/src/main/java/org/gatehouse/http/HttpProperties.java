package org.gatehouse.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.http.*} settings: accepted hosts, proxies, HTTPS, body size and security headers. */
@ConfigurationProperties(prefix = "gatehouse.http")
public class HttpProperties {
	/**
	 * APP_ALLOWED_HOSTS: Host header values accepted; ".example.org" also allows subdomains. The default is for
	 * development: production refuses to start until this is set.
	 */
	private List<String> allowedHosts = new ArrayList<>(List.of("localhost", "127.0.0.1", "[::1]"));
	/** WSGI_PROXIES: number of reverse proxies in front; 0 ignores X-Forwarded-* headers. */
	private int proxies = 0;
	/** Redirect plain-HTTP page requests to HTTPS, refuse plain-HTTP /api/ requests (403). Defaults to true in production. */
	private Boolean forceHttps;
	/** Largest accepted request body; larger bodies get 413. */
	private long maxBodyBytes = 1024 * 1024;
	private final Headers headers = new Headers();

	public List<String> getAllowedHosts() { return allowedHosts; }
	public void setAllowedHosts(List<String> allowedHosts) { this.allowedHosts = allowedHosts; }
	public int getProxies() { return proxies; }
	public void setProxies(int proxies) { this.proxies = proxies; }
	public Boolean getForceHttps() { return forceHttps; }
	public void setForceHttps(Boolean forceHttps) { this.forceHttps = forceHttps; }
	public long getMaxBodyBytes() { return maxBodyBytes; }
	public void setMaxBodyBytes(long maxBodyBytes) { this.maxBodyBytes = maxBodyBytes; }
	public Headers getHeaders() { return headers; }

	public static class Headers {
		/** Strict-Transport-Security, sent on HTTPS responses only. Empty disables. */
		private String hsts = "max-age=63072000; includeSubDomains";
		/** Content-Security-Policy; "{nonce}" is replaced by the per-request nonce. */
		private String contentSecurityPolicy = "default-src 'self'; script-src 'self' 'nonce-{nonce}'; "
				+ "style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
				+ "frame-ancestors 'none'; form-action 'self'; require-trusted-types-for 'script'";
		/** X-Frame-Options; empty omits the header. */
		private String frameOptions = "DENY";
		/** Referrer-Policy; empty omits the header. */
		private String referrerPolicy = "strict-origin-when-cross-origin";
		/** Permissions-Policy: deny-all by default but WebAuthn on this site itself (passkeys); empty omits the header. */
		private String permissionsPolicy = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
				+ "encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), "
				+ "microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-create=(self), "
				+ "publickey-credentials-get=(self), "
				+ "screen-wake-lock=(), sync-xhr=(), usb=(), xr-spatial-tracking=()";
		/** Cross-Origin-Opener-Policy; empty omits the header. */
		private String crossOriginOpenerPolicy = "same-origin";
		/** Cross-Origin-Resource-Policy; empty omits the header. */
		private String crossOriginResourcePolicy = "same-origin";
		/** X-XSS-Protection: "0" on purpose, the browser auditor is gone and was itself an XSS vector. */
		private String xssProtection = "0";
		/** Extra headers added to every response. */
		private Map<String, String> extra = new LinkedHashMap<>();

		public String getHsts() { return hsts; }
		public void setHsts(String hsts) { this.hsts = hsts; }
		public String getContentSecurityPolicy() { return contentSecurityPolicy; }
		public void setContentSecurityPolicy(String contentSecurityPolicy) { this.contentSecurityPolicy = contentSecurityPolicy; }
		public String getFrameOptions() { return frameOptions; }
		public void setFrameOptions(String frameOptions) { this.frameOptions = frameOptions; }
		public String getReferrerPolicy() { return referrerPolicy; }
		public void setReferrerPolicy(String referrerPolicy) { this.referrerPolicy = referrerPolicy; }
		public String getPermissionsPolicy() { return permissionsPolicy; }
		public void setPermissionsPolicy(String permissionsPolicy) { this.permissionsPolicy = permissionsPolicy; }
		public String getCrossOriginOpenerPolicy() { return crossOriginOpenerPolicy; }
		public void setCrossOriginOpenerPolicy(String v) { this.crossOriginOpenerPolicy = v; }
		public String getCrossOriginResourcePolicy() { return crossOriginResourcePolicy; }
		public void setCrossOriginResourcePolicy(String v) { this.crossOriginResourcePolicy = v; }
		public String getXssProtection() { return xssProtection; }
		public void setXssProtection(String xssProtection) { this.xssProtection = xssProtection; }
		public Map<String, String> getExtra() { return extra; }
		public void setExtra(Map<String, String> extra) { this.extra = extra; }
	}
}
