package org.gatehouse.csrf;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hands a single-page application its CSRF token (also set as the {@code csrftoken} cookie). */
@RestController
class CsrfTokenController {

	private final RestCsrfTokens tokens;

	CsrfTokenController(RestCsrfTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping(path = "/api/csrf", produces = "application/json")
	public Map<String, String> csrf(HttpServletRequest request) {
		String token = tokens.current(request);
		return token == null ? Map.of() : Map.of("token", token);
	}
}
