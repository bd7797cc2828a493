package org.gatehouse.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Subresource Integrity values of static files for templates, as bean {@code @sri}. The path
 * is the URL path under {@code classpath:/static/}; each file is hashed once.
 *
 * <p>Thymeleaf 3.1 evaluates output attributes ({@code th:attr}, {@code th:integrity},
 * {@code th:src}...) in restricted mode, which forbids bean references, so bind the value
 * with {@code th:with} first:
 * <pre>{@code
 * <head th:with="appCss=${@sri.integrity('/gatehouse/app.css')}">
 *   <link rel="stylesheet" href="/gatehouse/app.css" th:integrity="${appCss}" crossorigin="anonymous">
 * }</pre>
 */
public class Sri {

	public static final String BEAN_NAME = "sri";
	private static final String STATIC_LOCATION = "classpath:/static";

	private final ResourceLoader resourceLoader;
	private final Map<String, String> integrityByPath = new ConcurrentHashMap<>();

	public Sri(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	/** {@code sha384-<base64>} of the static file at {@code path}, e.g. {@code /gatehouse/app.css}. */
	public String integrity(String path) {
		return integrityByPath.computeIfAbsent(path, this::compute);
	}

	private String compute(String path) {
		if (!path.startsWith("/") || path.contains("..") || path.contains("\\")) {
			throw new IllegalArgumentException("Static resource path must be absolute and plain: " + path);
		}
		Resource resource = resourceLoader.getResource(STATIC_LOCATION + path);
		if (!resource.exists()) {
			throw new IllegalArgumentException("No static resource " + STATIC_LOCATION + path);
		}
		try (InputStream input = resource.getInputStream()) {
			MessageDigest sha384 = MessageDigest.getInstance("SHA-384");
			byte[] buffer = new byte[8192];
			for (int read; (read = input.read(buffer)) > 0;) {
				sha384.update(buffer, 0, read);
			}
			return "sha384-" + Base64.getEncoder().encodeToString(sha384.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read static resource " + path, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-384 is not available", ex);
		}
	}
}
