package org.gatehouse.http;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the CSP nonce into every MVC model as {@code cspNonce}, for {@code th:attr="nonce=${cspNonce}"}. */
@ControllerAdvice
public class CspNonceModelAttribute {

	private final CspNonce cspNonce;

	public CspNonceModelAttribute(CspNonce cspNonce) {
		this.cspNonce = cspNonce;
	}

	@ModelAttribute(CspNonce.ATTRIBUTE)
	public String cspNonce(HttpServletRequest request) {
		return cspNonce.of(request);
	}
}
