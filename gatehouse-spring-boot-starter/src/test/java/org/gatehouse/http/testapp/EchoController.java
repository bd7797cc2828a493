package org.gatehouse.http.testapp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.http.CspNonce;
import org.gatehouse.http.ExternalUrls;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports what the application sees of the request, and counts how often it was reached. */
@TestComponent
@RestController
public class EchoController {

	public static final AtomicInteger calls = new AtomicInteger();

	private final ExternalUrls externalUrls;

	public EchoController(ExternalUrls externalUrls) {
		this.externalUrls = externalUrls;
	}

	@GetMapping("/echo")
	public Map<String, Object> echo(HttpServletRequest request) {
		calls.incrementAndGet();
		Map<String, Object> seen = new LinkedHashMap<>();
		seen.put("remoteAddr", request.getRemoteAddr());
		seen.put("scheme", request.getScheme());
		seen.put("secure", request.isSecure());
		seen.put("serverName", request.getServerName());
		seen.put("serverPort", request.getServerPort());
		seen.put("requestUrl", request.getRequestURL().toString());
		seen.put("baseUrl", externalUrls.baseUrl(request));
		seen.put("requestNonce", request.getAttribute(CspNonce.ATTRIBUTE));
		return seen;
	}

	@GetMapping("/boom")
	public String boom() {
		calls.incrementAndGet();
		throw new IllegalStateException("boom");
	}

	@PostMapping("/form")
	public String form(@RequestParam("a") String a) {
		calls.incrementAndGet();
		return "a has " + a.length();
	}

	@PostMapping({ "/upload", "/api/upload" })
	public String upload(@RequestBody byte[] body) {
		calls.incrementAndGet();
		return "received " + body.length;
	}
}
