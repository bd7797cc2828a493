package org.gatehouse.http;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;


/**
 * The per-request Content-Security-Policy nonce (128 random bits), kept in the request
 * attribute {@value #ATTRIBUTE} so templates can put it on inline scripts and styles.
 */
public class CspNonce {

	public static final String ATTRIBUTE = "cspNonce";
	private static final int NONCE_BYTES = 16;

	private final SecureRandom random = new SecureRandom();

	/** The request's nonce, created on first use; stays the same across forward and error dispatches. */
	public String of(HttpServletRequest request) {
		Object existing = request.getAttribute(ATTRIBUTE);
		if (existing instanceof String nonce) {
			return nonce;
		}
		byte[] bytes = new byte[NONCE_BYTES];
		random.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		request.setAttribute(ATTRIBUTE, nonce);
		return nonce;
	}
}
