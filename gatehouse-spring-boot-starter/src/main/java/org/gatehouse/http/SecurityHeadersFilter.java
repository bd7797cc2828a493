package org.gatehouse.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;

/**
 * Security headers on every response, static files and error pages included (it runs on
 * every dispatch type, before the response is written). Each header comes from
 * {@code gatehouse.http.headers.*}; an empty value omits it. HSTS only goes out over HTTPS.
 *
 * <p>Caching: everything is {@code Cache-Control: no-store} except GET/HEAD requests for
 * static resources under {@value #STATIC_PREFIX}, which are public. Pages vary per user and
 * may carry CSRF tokens or personal data, and a filter cannot know in advance whether a
 * response is personal, so no-store is the safe default.
 */
public class SecurityHeadersFilter implements Filter {

	static final String STATIC_PREFIX = "/gatehouse/";
	static final String STATIC_CACHE_CONTROL = "public, max-age=3600";
	static final String PRIVATE_CACHE_CONTROL = "no-store";
	private static final String NONCE_PLACEHOLDER = "{nonce}";

	private final HttpProperties.Headers headers;
	private final String contentSecurityPolicy;
	private final CspNonce cspNonce;
	private final Map<String, String> fixedHeaders = new LinkedHashMap<>();

	public SecurityHeadersFilter(GatehouseProperties properties, HttpProperties http, CspNonce cspNonce) {
		this.headers = http.getHeaders();
		this.contentSecurityPolicy = properties.getRecaptcha().isEnabled()
				? withRecaptcha(headers.getContentSecurityPolicy()) : headers.getContentSecurityPolicy();
		this.cspNonce = cspNonce;
		fixedHeaders.put("X-Content-Type-Options", "nosniff");
		fixedHeaders.put("X-Frame-Options", headers.getFrameOptions());
		fixedHeaders.put("Referrer-Policy", headers.getReferrerPolicy());
		fixedHeaders.put("Permissions-Policy", headers.getPermissionsPolicy());
		fixedHeaders.put("Cross-Origin-Opener-Policy", headers.getCrossOriginOpenerPolicy());
		fixedHeaders.put("Cross-Origin-Resource-Policy", headers.getCrossOriginResourcePolicy());
		fixedHeaders.put("X-XSS-Protection", headers.getXssProtection());
		fixedHeaders.putAll(headers.getExtra());
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		setHeaders(request, response);
		chain.doFilter(request, response);
	}

	/** Sets every security header on {@code response}; also for responses the servlet container writes itself. */
	public void setHeaders(HttpServletRequest request, HttpServletResponse response) {
		fixedHeaders.forEach((name, value) -> setIfNotEmpty(response, name, value));
		String policy = contentSecurityPolicy;
		if (hasText(policy)) {
			response.setHeader("Content-Security-Policy", policy.replace(NONCE_PLACEHOLDER, cspNonce.of(request)));
		}
		if (request.isSecure()) {
			setIfNotEmpty(response, "Strict-Transport-Security", headers.getHsts());
		}
		response.setHeader("Cache-Control", isStaticResource(request) ? STATIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
	}

	/**
	 * Google's reCAPTCHA widget loads its scripts from www.gstatic.com and runs in frames of
	 * www.google.com: the sources Google documents for a CSP, added only when reCAPTCHA is on.
	 */
	static String withRecaptcha(String policy) {
		if (!hasText(policy)) {
			return policy;
		}
		return policy.replace("script-src 'self'",
				"script-src 'self' https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/")
				+ "; frame-src https://www.google.com/recaptcha/ https://recaptcha.google.com/recaptcha/";
	}

	private static boolean isStaticResource(HttpServletRequest request) {
		String method = request.getMethod();
		String uri = request.getRequestURI();
		if (uri == null || !("GET".equals(method) || "HEAD".equals(method))) {
			return false; // a request line the container could not parse
		}
		return uri.startsWith(request.getContextPath() + STATIC_PREFIX);
	}

	private static void setIfNotEmpty(HttpServletResponse response, String name, String value) {
		if (hasText(value)) {
			response.setHeader(name, value);
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}
}
